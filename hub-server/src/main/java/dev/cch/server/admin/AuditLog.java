package dev.cch.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cch.protocol.admin.AuditView;
import dev.cch.server.db.Rows;
import io.helidon.dbclient.DbClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Records every admin change: who, from where, what, and the before/after state with secrets removed. */
public final class AuditLog {
    private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());
    private static final Set<String> SECRET_FIELDS = Set.of("secret", "password", "token", "apiKey", "proxyUrl",
            "secretHint", "customHeaders", "key", "masterKey");

    private final DbClient db;
    private final ObjectMapper mapper;

    public AuditLog(DbClient db, ObjectMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    public void record(Actor actor, String action, String targetType, Object targetId, String targetName,
                       Object before, Object after) {
        write(actor.name(), actor.ip(), action, targetType, targetId, targetName, before, after, null);
    }

    /** A refused attempt (e.g. a login with bad credentials): {@code who} is what the caller claimed to be. */
    public void refused(String who, String ip, String action, String why) {
        write(who, ip, action, "auth", null, null, null, null, why);
    }

    private void write(String actor, String ip, String action, String targetType, Object targetId, String targetName,
                       Object before, Object after, String error) {
        try {
            Map<String, Object> p = new HashMap<>();
            p.put("actor", actor);
            p.put("actorIp", ip);
            p.put("action", action);
            p.put("targetType", targetType);
            p.put("targetId", targetId == null ? null : targetId.toString());
            p.put("targetName", targetName);
            p.put("before", json(before));
            p.put("after", json(after));
            p.put("success", error == null);
            p.put("error", error);
            db.execute().createNamedInsert("audit-insert").params(p).execute();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "audit record for " + action + " failed", e);
        }
    }

    /** Newest first, after the cursor id; {@code action} ending in '.' is a prefix. */
    public List<AuditView> page(String action, String actor, String targetType, long afterId, int limit) {
        boolean prefix = action != null && action.endsWith(".");
        try (var rows = db.execute().createNamedQuery("audit-page")
                .addParam("after", afterId == 0 ? Long.MAX_VALUE : afterId)
                .addParam("action", prefix ? null : action)
                .addParam("actionPrefix", prefix ? action.replace("%", "\\%").replace("_", "\\_") + "%" : null)
                .addParam("actor", actor).addParam("targetType", targetType).addParam("limit", limit).execute()) {
            return rows.map(r -> new AuditView(Rows.longValue(r, "id"), Rows.instant(r, "created_at"),
                    Rows.string(r, "actor"), Rows.string(r, "actor_ip"), Rows.string(r, "action"),
                    Rows.string(r, "target_type"), Rows.string(r, "target_id"), Rows.string(r, "target_name"),
                    Rows.json(r, "before_value", mapper), Rows.json(r, "after_value", mapper), Rows.bool(r, "success"),
                    Rows.string(r, "error"))).toList();
        }
    }

    private String json(Object value) {
        if (value == null) {
            return null;
        }
        JsonNode n = mapper.valueToTree(value);
        redact(n);
        return n.toString();
    }

    static void redact(JsonNode n) {
        if (n instanceof ObjectNode o) {
            for (String f : SECRET_FIELDS) {
                if (o.has(f) && !o.get(f).isNull()) {
                    o.put(f, "****");
                }
            }
            o.elements().forEachRemaining(AuditLog::redact);
        } else if (n != null && n.isArray()) {
            n.elements().forEachRemaining(AuditLog::redact);
        }
    }
}
