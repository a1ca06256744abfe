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
import java.util.Optional;

/**
 * The hub's PostgreSQL: embedded under the data directory when no URL is configured, migrated by Flyway on start,
 * pooled by HikariCP and used through Helidon DbClient with the named statements of {@code db-statements.yaml}.
 */
public final class Database implements AutoCloseable {
    private final Optional<EmbeddedDatabase> embedded;
    private final HikariDataSource dataSource;
    private final DbClient client;
    private final String url;
    private final Config statements;

    private Database(Optional<EmbeddedDatabase> embedded, HikariDataSource dataSource, DbClient client, String url,
                     Config statements) {
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.client = client;
        this.url = url;
        this.statements = statements;
    }

    public static Database open(HubConfig config) {
        Optional<EmbeddedDatabase> embedded = config.embeddedDatabase()
                ? Optional.of(EmbeddedDatabase.start(config.dataDir())) : Optional.empty();
        String url = embedded.map(EmbeddedDatabase::jdbcUrl).orElseGet(() -> config.databaseUrl().orElseThrow());
        try {
            HikariConfig hc = new HikariConfig();
            hc.setJdbcUrl(url);
            hc.setUsername(config.databaseUser());
            hc.setPassword(config.databasePassword());
            hc.setMaximumPoolSize(config.poolSize());
            hc.setMinimumIdle(Math.min(2, config.poolSize()));
            hc.setConnectionTimeout(5_000);
            hc.setValidationTimeout(2_000);
            hc.setPoolName("cch");
            // start even if the database is down for a moment; health reports it
            hc.setInitializationFailTimeout(-1);
            hc.addDataSourceProperty("reWriteBatchedInserts", "true");
            hc.addDataSourceProperty("ApplicationName", "claude-code-hub");
            HikariDataSource ds = new HikariDataSource(hc);
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            Config statements = Config.just(ConfigSources.classpath("db-statements.yaml"));
            DbClient client = JdbcClientBuilder.create()
                    .connectionPool(new HikariPool(ds))
                    .statements(DbStatements.builder().config(statements.get("statements")).build())
                    .missingMapParametersAsNull(true)
                    .build();
            return new Database(embedded, ds, client, url, statements.get("statements"));
        } catch (RuntimeException e) {
            embedded.ifPresent(EmbeddedDatabase::close);
            throw e;
        }
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
        dataSource.close();
        embedded.ifPresent(EmbeddedDatabase::close);
    }
}
