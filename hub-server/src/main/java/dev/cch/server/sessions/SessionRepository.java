package dev.cch.server.sessions;

import dev.cch.protocol.admin.SessionView;
import dev.cch.server.db.Rows;
import io.helidon.dbclient.DbClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Coding sessions as the request log sees them: active means used within the session TTL and not ended by an
 * admin since its last request.
 */
public final class SessionRepository {
    private final DbClient db;

    public SessionRepository(DbClient db) {
        this.db = db;
    }

    /**
     * Active sessions, most recently used first (at most 1,000), with what each used since it began, from the
     * per-session totals the database keeps as requests are logged.
     */
    public List<SessionView> active(Instant since) {
        try (var rows = db.execute().createNamedQuery("session-active").addParam("since", Rows.param(since)).execute()) {
            return rows.map(r -> {
                BigDecimal cost = Rows.decimal(r, "cost_usd");
                return new SessionView(Rows.string(r, "session_id"), Rows.longOr(r, "key_id", 0), Rows.string(r, "key_name"),
                        Rows.longValue(r, "user_id"), Rows.string(r, "user_name"), Rows.longValue(r, "provider_id"),
                        Rows.string(r, "provider_name"), Rows.longOr(r, "requests", 0), Rows.longOr(r, "tokens", 0),
                        cost == null ? BigDecimal.ZERO : cost.stripTrailingZeros(), Rows.instant(r, "first_seen"),
                        Rows.instant(r, "last_activity"));
            }).toList();
        }
    }

    /** Whether the key used this session since {@code since}. */
    public boolean exists(long keyId, String sessionId, Instant since) {
        return db.execute().createNamedGet("session-exists").addParam("keyId", keyId).addParam("sessionId", sessionId)
                .addParam("since", Rows.param(since)).execute().map(r -> Rows.longOr(r, "n", 0) > 0).orElse(false);
    }

    /** Marks the session ended now: it leaves the active list until its next request. */
    public void terminate(long keyId, String sessionId) {
        db.execute().createNamedInsert("session-terminate").addParam("keyId", keyId).addParam("sessionId", sessionId)
                .execute();
    }
}
