package dev.cch.server.testing;

import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A database of its own for each test class, on the PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth).
 * Every test JVM migrates one template database once and copies it per test (fast), and drops what it made.
 * Databases left behind by killed runs (older than an hour) are dropped on the way.
 */
public final class TestDatabase implements AutoCloseable {
    public static final String HOST = System.getProperty("cch.test.pg", "127.0.0.1:5432");
    private static final String ADMIN_URL = "jdbc:postgresql://" + HOST + "/postgres";
    private static String template;

    private final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    public static TestDatabase create() {
        String tpl = template();
        String name = "cch_t_" + (System.currentTimeMillis() / 1000) + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt() & 0x7fffffff);
        admin("CREATE DATABASE " + name + " TEMPLATE " + tpl);
        return new TestDatabase(name);
    }

    /** An empty database with no schema, for migration tests. */
    public static TestDatabase createEmpty() {
        String name = "cch_t_" + (System.currentTimeMillis() / 1000) + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt() & 0x7fffffff);
        admin("CREATE DATABASE " + name);
        return new TestDatabase(name);
    }

    public String name() {
        return name;
    }

    public String url() {
        return "jdbc:postgresql://" + HOST + "/" + name;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), "postgres", "");
    }

    /** Runs a query returning one number (count(*), sum(...)). */
    public long number(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs a query returning one bytea value. */
    public byte[] bytes(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getBytes(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public void execute(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static synchronized String template() {
        if (template != null) {
            return template;
        }
        dropStale();
        String tpl = "cch_tpl_" + (System.currentTimeMillis() / 1000) + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt() & 0x7fffffff);
        admin("CREATE DATABASE " + tpl);
        Flyway.configure().dataSource("jdbc:postgresql://" + HOST + "/" + tpl, "postgres", "")
                .locations("classpath:db/migration").load().migrate();
        template = tpl;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> admin("DROP DATABASE IF EXISTS " + tpl + " WITH (FORCE)")));
        return tpl;
    }

    private static void dropStale() {
        long cutoff = System.currentTimeMillis() / 1000 - 3600;
        List<String> stale = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname ~ '^cch_(t|tpl)_[0-9]+_'")) {
            while (rs.next()) {
                String n = rs.getString(1);
                long created = Long.parseLong(n.split("_")[2]);
                if (created < cutoff) {
                    stale.add(n);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL must answer on " + HOST + " (user postgres): " + e.getMessage(), e);
        }
        stale.forEach(n -> admin("DROP DATABASE IF EXISTS " + n + " WITH (FORCE)"));
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
