package dev.cch.server.logs;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.admin.Page;
import dev.cch.protocol.admin.RequestLogView;
import dev.cch.server.db.Rows;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the request log: one request in detail, filtered pages, and CSV exports streamed row by row. */
public final class RequestLogRepository {
    private static final String[] CSV_COLUMNS = {"id", "request_id", "created_at", "user_id", "user_name", "key_id",
            "key_name", "provider_id", "provider_name", "client_protocol", "provider_type", "endpoint", "model",
            "upstream_model", "actual_model", "billing_model", "stream", "status_code", "error_kind", "blocked_by",
            "input_tokens", "output_tokens", "cache_read_tokens", "cache_write_5m_tokens", "cache_write_1h_tokens",
            "reasoning_tokens", "cost_usd", "price_missing", "ttfb_ms", "ttft_ms", "duration_ms", "session_id", "attempts",
            "client_ip"};

    private final DbClient db;
    private final DataSource dataSource;
    private final ObjectMapper mapper;

    public RequestLogRepository(DbClient db, DataSource dataSource, ObjectMapper mapper) {
        this.db = db;
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /** One request by its numeric id or its request id ({@code req_…}), with decision chain and cost breakdown. */
    public Optional<RequestLogView> get(String idOrRequestId) {
        long id = idOrRequestId.matches("[0-9]{1,18}") ? Long.parseLong(idOrRequestId) : -1;
        return db.execute().createNamedGet("log-get").addParam("id", id).addParam("requestId", idOrRequestId)
                .execute().map(r -> view(r, true));
    }

    public Page<RequestLogView> page(LogFilter filter, LogCursor after, int limit) {
        LogSearch search = new LogSearch(filter, after);
        List<RequestLogView> items = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(search.page(limit + 1))) {
            search.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(view(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("request log query failed", e);
        }
        if (items.size() <= limit) {
            return new Page<>(items, null);
        }
        List<RequestLogView> page = items.subList(0, limit);
        RequestLogView last = page.getLast();
        return new Page<>(page, new LogCursor(last.createdAt(), last.id()).encode());
    }

    /** Writes every matching row as CSV, fetching in chunks so memory stays flat however many rows match. */
    public long exportCsv(LogFilter filter, Writer out) throws IOException {
        LogSearch search = new LogSearch(filter, null);
        long n = 0;
        out.write(String.join(",", CSV_COLUMNS));
        out.write("\r\n");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(search.export())) {
                ps.setFetchSize(1000);
                search.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        for (int i = 0; i < CSV_COLUMNS.length; i++) {
                            if (i > 0) {
                                out.write(',');
                            }
                            out.write(csv(rs.getObject(CSV_COLUMNS[i])));
                        }
                        out.write("\r\n");
                        if (++n % 1000 == 0) {
                            out.flush();
                        }
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("export failed: " + e.getMessage(), e));
        }
        out.flush();
        return n;
    }

    static String csv(Object v) {
        if (v == null) {
            return "";
        }
        String s = v instanceof Timestamp t ? t.toInstant().toString()
                : v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : v.toString();
        // formulas are neutralised so a spreadsheet never executes a cell (CSV injection)
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !(v instanceof Number)) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    private RequestLogView view(ResultSet r) throws SQLException {
        return new RequestLogView(r.getLong("id"), r.getString("request_id"), r.getTimestamp("created_at").toInstant(),
                instant(r.getTimestamp("finished_at")), (Long) r.getObject("user_id"), r.getString("user_name"),
                (Long) r.getObject("key_id"), r.getString("key_name"), (Long) r.getObject("provider_id"),
                r.getString("provider_name"), r.getString("client_protocol"), r.getString("provider_type"),
                r.getString("endpoint"), r.getString("model"), r.getString("upstream_model"), r.getString("actual_model"),
                r.getString("billing_model"), r.getBoolean("stream"), r.getInt("status_code"), r.getString("error_kind"),
                r.getString("error_message"), r.getString("blocked_by"),
                new RequestLogView.Tokens(r.getLong("input_tokens"), r.getLong("output_tokens"), r.getLong("cache_read_tokens"),
                        r.getLong("cache_write_5m_tokens"), r.getLong("cache_write_1h_tokens"), r.getLong("reasoning_tokens")),
                r.getBigDecimal("cost_usd"), r.getBoolean("price_missing"), null, (Integer) r.getObject("ttfb_ms"),
                (Integer) r.getObject("ttft_ms"), (Integer) r.getObject("duration_ms"), r.getString("session_id"),
                r.getInt("attempts"), null, r.getString("client_ip"), r.getString("user_agent"));
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    RequestLogView view(DbRow r, boolean detail) {
        return new RequestLogView(Rows.longValue(r, "id"), Rows.string(r, "request_id"), Rows.instant(r, "created_at"),
                Rows.instant(r, "finished_at"), Rows.longValue(r, "user_id"), Rows.string(r, "user_name"),
                Rows.longValue(r, "key_id"), Rows.string(r, "key_name"), Rows.longValue(r, "provider_id"),
                Rows.string(r, "provider_name"), Rows.string(r, "client_protocol"), Rows.string(r, "provider_type"),
                Rows.string(r, "endpoint"), Rows.string(r, "model"), Rows.string(r, "upstream_model"),
                Rows.string(r, "actual_model"), Rows.string(r, "billing_model"), Rows.bool(r, "stream"),
                Rows.intValue(r, "status_code"), Rows.string(r, "error_kind"), Rows.string(r, "error_message"),
                Rows.string(r, "blocked_by"),
                new RequestLogView.Tokens(Rows.longOr(r, "input_tokens", 0), Rows.longOr(r, "output_tokens", 0),
                        Rows.longOr(r, "cache_read_tokens", 0), Rows.longOr(r, "cache_write_5m_tokens", 0),
                        Rows.longOr(r, "cache_write_1h_tokens", 0), Rows.longOr(r, "reasoning_tokens", 0)),
                Rows.decimal(r, "cost_usd"), Rows.bool(r, "price_missing"),
                detail ? Rows.json(r, "cost_breakdown", mapper) : null,
                Rows.intValue(r, "ttfb_ms"), Rows.intValue(r, "ttft_ms"), Rows.intValue(r, "duration_ms"),
                Rows.string(r, "session_id"), Rows.intValue(r, "attempts"),
                detail ? Rows.json(r, "decision_chain", mapper) : null, Rows.string(r, "client_ip"),
                Rows.string(r, "user_agent"));
    }
}
