package dev.cch.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cch.server.config.HubConfig;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbStatements;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The hub's PostgreSQL: embedded under the data directory when no URL is configured, migrated by Flyway on start,
 * pooled by HikariCP and used through Helidon DbClient with the named statements of {@code db-statements.yaml}.
 */
public final class Database implements AutoCloseable {
    private final Optional<EmbeddedDatabase> embedded;
    private final HikariDataSource dataSource;
    private final HikariDataSource logDataSource;
    private final DbClient client;
    private final String url;
    private final Config statements;

    private Database(Optional<EmbeddedDatabase> embedded, HikariDataSource dataSource, HikariDataSource logDataSource,
                     DbClient client, String url, Config statements) {
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.logDataSource = logDataSource;
        this.client = client;
        this.url = url;
        this.statements = statements;
    }

    public static Database open(HubConfig config) {
        Optional<EmbeddedDatabase> embedded = config.embeddedDatabase()
                ? Optional.of(EmbeddedDatabase.start(config.dataDir())) : Optional.empty();
        String url = embedded.map(EmbeddedDatabase::jdbcUrl).orElseGet(() -> config.databaseUrl().orElseThrow());
        HikariDataSource ds = null;
        try {
            ds = pool("cch", url, config, config.poolSize(), Duration.ofSeconds(5), Map.of());
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            Config statements = Config.just(ConfigSources.classpath("db-statements.yaml"));
            DbClient client = JdbcClientBuilder.create()
                    .connectionPool(new HikariPool(ds))
                    .statements(DbStatements.builder().config(statements.get("statements")).build())
                    .missingMapParametersAsNull(true)
                    .build();
            // the request log writer's own: a short wait, so an outage is noticed at once and rows go to the spool
            // instead of waiting in memory for the shared pool's five seconds per batch
            HikariDataSource log = pool("cch-log", url, config, 2, Duration.ofMillis(500), Map.of("socketTimeout", "10"));
            return new Database(embedded, ds, log, client, url, statements.get("statements"));
        } catch (RuntimeException e) {
            if (ds != null) {
                ds.close();
            }
            embedded.ifPresent(EmbeddedDatabase::close);
            throw e;
        }
    }

    private static HikariDataSource pool(String name, String url, HubConfig config, int size, Duration wait,
                                         Map<String, String> driverSettings) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        hc.setUsername(config.databaseUser());
        hc.setPassword(config.databasePassword());
        hc.setMaximumPoolSize(size);
        hc.setMinimumIdle(Math.min(2, size));
        hc.setConnectionTimeout(wait.toMillis());
        hc.setValidationTimeout(Math.min(2_000, wait.toMillis() / 2));
        hc.setPoolName(name);
        // start even if the database is down for a moment; health reports it
        hc.setInitializationFailTimeout(-1);
        hc.addDataSourceProperty("reWriteBatchedInserts", "true");
        hc.addDataSourceProperty("ApplicationName", "claude-code-hub");
        driverSettings.forEach(hc::addDataSourceProperty);
        return new HikariDataSource(hc);
    }

    /** The SQL of a named statement, for plain JDBC use (batches). */
    public String statement(String name) {
        return statements.get(name).asString().orElseThrow(() -> new IllegalArgumentException("no statement " + name));
    }

    public DbClient client() {
        return client;
    }

    /** For work DbClient has no verb for: JDBC batches of the request log writer. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The request log writer's pool: two connections, half a second's wait, ten seconds at most per statement. */
    public DataSource logDataSource() {
        return logDataSource;
    }

    public boolean embedded() {
        return embedded.isPresent();
    }

    /** The JDBC URL without credentials, for the start-up banner. */
    public String url() {
        return url.replaceAll("password=[^&]*", "password=****");
    }

    /** True if the database answers a trivial query within two seconds. */
    public boolean ping() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(2);
            s.execute("SELECT 1");
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        logDataSource.close();
        dataSource.close();
        embedded.ifPresent(EmbeddedDatabase::close);
    }
}
