package dev.cch.server.logs;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.admin.RequestLogView;
import dev.cch.server.db.Rows;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

import java.util.Optional;

/** Reads the request log. */
public final class RequestLogRepository {
    private final DbClient db;
    private final ObjectMapper mapper;

    public RequestLogRepository(DbClient db, ObjectMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    /** One request by its numeric id or its request id ({@code req_…}), with decision chain and cost breakdown. */
    public Optional<RequestLogView> get(String idOrRequestId) {
        long id = idOrRequestId.matches("[0-9]{1,18}") ? Long.parseLong(idOrRequestId) : -1;
        return db.execute().createNamedGet("log-get").addParam("id", id).addParam("requestId", idOrRequestId)
                .execute().map(r -> view(r, true));
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
