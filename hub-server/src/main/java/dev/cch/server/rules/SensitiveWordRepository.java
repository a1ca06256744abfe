package dev.cch.server.rules;

import dev.cch.protocol.admin.SensitiveWordRequest;
import dev.cch.protocol.admin.SensitiveWordView;
import dev.cch.protocol.match.MatchType;
import dev.cch.server.db.Conflict;
import dev.cch.server.db.Rows;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sensitive words in PostgreSQL. */
public final class SensitiveWordRepository {
    private final DbClient db;

    public SensitiveWordRepository(DbClient db) {
        this.db = db;
    }

    public List<SensitiveWordView> all() {
        try (var rows = db.execute().createNamedQuery("sensitive-all").execute()) {
            return rows.map(SensitiveWordRepository::view).toList();
        }
    }

    public Optional<SensitiveWordView> get(long id) {
        return db.execute().createNamedGet("sensitive-get").addParam("id", id).execute().map(SensitiveWordRepository::view);
    }

    public SensitiveWordView create(SensitiveWordRequest r) {
        try {
            return db.execute().createNamedGet("sensitive-insert").params(params(r)).execute()
                    .map(SensitiveWordRepository::view).orElseThrow();
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    public Optional<SensitiveWordView> update(long id, SensitiveWordRequest r) {
        Map<String, Object> p = params(r);
        p.put("id", id);
        try {
            return db.execute().createNamedGet("sensitive-update").params(p).execute().map(SensitiveWordRepository::view);
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    public boolean delete(long id) {
        return db.execute().createNamedDelete("sensitive-delete").addParam("id", id).execute() > 0;
    }

    private static RuntimeException translate(RuntimeException e) {
        return Conflict.isUniqueViolation(e) ? new Conflict("this word with this match type already exists") : e;
    }

    private static Map<String, Object> params(SensitiveWordRequest r) {
        Map<String, Object> p = new HashMap<>();
        p.put("word", r.word());
        p.put("matchType", r.matchType().wireName());
        p.put("description", r.description());
        p.put("enabled", r.enabled());
        return p;
    }

    static SensitiveWordView view(DbRow row) {
        return new SensitiveWordView(Rows.longValue(row, "id"), Rows.string(row, "word"),
                MatchType.fromWireName(Rows.string(row, "match_type")), Rows.string(row, "description"),
                Rows.bool(row, "enabled"), Rows.instant(row, "created_at"), Rows.instant(row, "updated_at"));
    }
}
