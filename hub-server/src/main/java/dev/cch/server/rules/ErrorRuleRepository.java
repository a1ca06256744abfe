package dev.cch.server.rules;

import dev.cch.protocol.admin.ErrorRuleRequest;
import dev.cch.protocol.admin.ErrorRuleView;
import dev.cch.protocol.match.MatchType;
import dev.cch.server.db.Conflict;
import dev.cch.server.db.Rows;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Error rules in PostgreSQL. */
public final class ErrorRuleRepository {
    private final DbClient db;

    public ErrorRuleRepository(DbClient db) {
        this.db = db;
    }

    public List<ErrorRuleView> all() {
        try (var rows = db.execute().createNamedQuery("error-rule-all").execute()) {
            return rows.map(ErrorRuleRepository::view).toList();
        }
    }

    public Optional<ErrorRuleView> get(long id) {
        return db.execute().createNamedGet("error-rule-get").addParam("id", id).execute().map(ErrorRuleRepository::view);
    }

    public ErrorRuleView create(ErrorRuleRequest r) {
        try {
            return db.execute().createNamedGet("error-rule-insert").params(params(r)).execute().map(ErrorRuleRepository::view).orElseThrow();
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    public Optional<ErrorRuleView> update(long id, ErrorRuleRequest r) {
        Map<String, Object> p = params(r);
        p.put("id", id);
        try {
            return db.execute().createNamedGet("error-rule-update").params(p).execute().map(ErrorRuleRepository::view);
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    public boolean delete(long id) {
        return db.execute().createNamedDelete("error-rule-delete").addParam("id", id).execute() > 0;
    }

    private static RuntimeException translate(RuntimeException e) {
        return Conflict.isUniqueViolation(e) ? new Conflict("a rule with this pattern and match type already exists") : e;
    }

    private static Map<String, Object> params(ErrorRuleRequest r) {
        Map<String, Object> p = new HashMap<>();
        p.put("pattern", r.pattern());
        p.put("matchType", r.matchType().wireName());
        p.put("category", r.category());
        p.put("description", r.description());
        p.put("overrideStatus", r.overrideStatus());
        p.put("overrideBody", r.overrideBody());
        p.put("enabled", r.enabled());
        p.put("priority", r.priority());
        return p;
    }

    static ErrorRuleView view(DbRow row) {
        return new ErrorRuleView(Rows.longValue(row, "id"), Rows.string(row, "pattern"),
                MatchType.fromWireName(Rows.string(row, "match_type")), Rows.string(row, "category"),
                Rows.string(row, "description"), Rows.intValue(row, "override_status"), Rows.string(row, "override_body"),
                Rows.bool(row, "enabled"), Rows.bool(row, "is_default"), Rows.intValue(row, "priority"),
                Rows.instant(row, "created_at"), Rows.instant(row, "updated_at"));
    }
}
