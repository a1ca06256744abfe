package dev.cch.server.db;

import com.zaxxer.hikari.HikariDataSource;
import io.helidon.dbclient.DbClientException;
import io.helidon.dbclient.jdbc.JdbcConnectionPool;

import java.sql.Connection;
import java.sql.SQLException;

/** HikariCP as Helidon DbClient's connection pool (helidon-dbclient-hikari is not published for 4.5). */
final class HikariPool implements JdbcConnectionPool {
    private final HikariDataSource dataSource;

    HikariPool(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection connection() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new DbClientException("no database connection: " + e.getMessage(), e);
        }
    }

    @Override
    public String dbType() {
        return "postgresql";
    }

    @Override
    public String name() {
        return "hikari";
    }

    @Override
    public String type() {
        return "hikari";
    }
}
