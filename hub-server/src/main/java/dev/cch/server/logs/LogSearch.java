package dev.cch.server.logs;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of a request-log search, composed from fixed, parameterised fragments so that PostgreSQL can use the
 * index that fits the filters present (a single statement full of "param IS NULL OR" would defeat the planner).
 * Pages are keyset-paginated on (created_at, id), newest first.
 */
final class LogSearch {
    static final String COLUMNS = "l.id, l.request_id, l.created_at, l.finished_at, l.user_id, u.name AS user_name, l.key_id, "
            + "k.name AS key_name, l.provider_id, p.name AS provider_name, l.client_protocol, l.provider_type, l.endpoint, "
            + "l.model, l.upstream_model, l.actual_model, l.billing_model, l.stream, l.status_code, l.error_kind, "
            + "l.error_message, l.blocked_by, l.input_tokens, l.output_tokens, l.cache_read_tokens, l.cache_write_5m_tokens, "
            + "l.cache_write_1h_tokens, l.reasoning_tokens, l.cost_usd, l.price_missing, l.ttfb_ms, l.ttft_ms, l.duration_ms, "
            + "l.session_id, l.attempts, l.client_ip, l.user_agent";
    private static final String FROM = " FROM request_log l LEFT JOIN users u ON u.id = l.user_id "
            + "LEFT JOIN api_keys k ON k.id = l.key_id LEFT JOIN providers p ON p.id = l.provider_id";

    private final StringBuilder where = new StringBuilder(" WHERE TRUE");
    private final List<Object> params = new ArrayList<>();

    LogSearch(LogFilter f, LogCursor after) {
        eq("l.user_id", f.userId());
        eq("l.key_id", f.keyId());
        eq("l.provider_id", f.providerId());
        eq("l.model", f.model());
        eq("l.session_id", f.sessionId());
        eq("l.endpoint", f.endpoint());
        if (f.status() != null) {
            if (f.status().equals("error")) {
                where.append(" AND (l.error_kind IS NOT NULL OR l.status_code >= 400)");
            } else {
                eq("l.status_code", Integer.parseInt(f.status()));
            }
        }
        if (f.from() != null) {
            where.append(" AND l.created_at >= ?");
            params.add(Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            where.append(" AND l.created_at < ?");
            params.add(Timestamp.from(f.to()));
        }
        if (after != null) {
            where.append(" AND (l.created_at, l.id) < (?, ?)");
            params.add(Timestamp.from(after.createdAt()));
            params.add(after.id());
        }
    }

    private void eq(String column, Object value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }

    String page(int limit) {
        return "SELECT " + COLUMNS + FROM + where + " ORDER BY l.created_at DESC, l.id DESC LIMIT " + limit;
    }

    String export() {
        return "SELECT " + COLUMNS + FROM + where + " ORDER BY l.created_at DESC, l.id DESC";
    }

    void bind(PreparedStatement ps) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }
}
