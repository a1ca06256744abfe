package dev.cch.server.requestlog;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;

/**
 * The request_log table as the writer sees it. Rows go in as one JDBC batch; when PostgreSQL refuses the batch for
 * its data rather than for an outage, they go in one by one and each row it refuses is quarantined, so one bad row
 * never holds up the others. Inserts are idempotent by request id, so rows may be offered again after an outage.
 */
final class LogTable {
    private final DataSource dataSource;
    private final String insertSql;
    private final Quarantine quarantine;

    LogTable(DataSource dataSource, String insertSql, Quarantine quarantine) {
        this.dataSource = dataSource;
        this.insertSql = insertSql;
        this.quarantine = quarantine;
    }

    /** Inserts the rows, quarantining the ones PostgreSQL refuses; throws only for an outage (see {@link InsertFailure}). */
    void insert(List<RequestLogRow> rows) throws SQLException {
        try {
            insertBatch(rows);
        } catch (SQLException e) {
            if (InsertFailure.of(e) == InsertFailure.OUTAGE) {
                throw e;
            }
            insertEach(rows);
        }
    }

    /** True if the database hands out a working connection within the pool's wait. */
    boolean reachable() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(1);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private void insertBatch(List<RequestLogRow> rows) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(insertSql)) {
            c.setAutoCommit(false);
            for (RequestLogRow r : rows) {
                bind(ps, r);
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        }
    }

    /** Each row in its own transaction, so a refused one takes nothing else with it. */
    private void insertEach(List<RequestLogRow> rows) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(insertSql)) {
            c.setAutoCommit(true);
            for (RequestLogRow r : rows) {
                try {
                    bind(ps, r);
                    ps.executeUpdate();
                } catch (SQLException e) {
                    if (InsertFailure.of(e) == InsertFailure.OUTAGE) {
                        throw e;
                    }
                    quarantine.add(r, e);
                }
            }
        }
    }

    private static void bind(PreparedStatement ps, RequestLogRow r) throws SQLException {
        int i = 1;
        ps.setString(i++, r.requestId());
        ps.setTimestamp(i++, Timestamp.from(r.createdAt()));
        ps.setTimestamp(i++, r.finishedAt() == null ? null : Timestamp.from(r.finishedAt()));
        setLong(ps, i++, r.userId());
        setLong(ps, i++, r.keyId());
        setLong(ps, i++, r.providerId());
        ps.setString(i++, r.clientProtocol());
        ps.setString(i++, r.providerType());
        ps.setString(i++, r.endpoint());
        ps.setString(i++, r.model());
        ps.setString(i++, r.upstreamModel());
        ps.setString(i++, r.actualModel());
        ps.setString(i++, r.billingModel());
        ps.setBoolean(i++, r.stream());
        ps.setInt(i++, r.statusCode());
        ps.setString(i++, r.errorKind());
        ps.setString(i++, r.errorMessage());
        ps.setString(i++, r.blockedBy());
        ps.setLong(i++, r.inputTokens());
        ps.setLong(i++, r.outputTokens());
        ps.setLong(i++, r.cacheReadTokens());
        ps.setLong(i++, r.cacheWrite5mTokens());
        ps.setLong(i++, r.cacheWrite1hTokens());
        ps.setLong(i++, r.reasoningTokens());
        ps.setBigDecimal(i++, r.costUsd());
        ps.setString(i++, r.costBreakdown() == null ? null : r.costBreakdown().toString());
        ps.setBoolean(i++, r.priceMissing());
        ps.setBigDecimal(i++, r.costMultiplier());
        ps.setBigDecimal(i++, r.groupMultiplier());
        setInt(ps, i++, r.ttfbMs());
        setInt(ps, i++, r.ttftMs());
        setInt(ps, i++, r.durationMs());
        ps.setString(i++, r.sessionId());
        ps.setInt(i++, r.attempts());
        ps.setString(i++, r.decisionChain() == null ? null : r.decisionChain().toString());
        ps.setString(i++, r.clientIp());
        ps.setString(i, r.userAgent());
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    private static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }
}
