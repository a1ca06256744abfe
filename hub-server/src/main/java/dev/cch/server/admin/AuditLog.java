package dev.cch.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.dbclient.DbClient;

import java.util.HashMap;
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
        try {
            Map<String, Object> p = new HashMap<>();
            p.put("actor", actor.name());
            p.put("actorIp", actor.ip());
            p.put("action", action);
            p.put("targetType", targetType);
            p.put("targetId", targetId == null ? null : targetId.toString());
            p.put("targetName", targetName);
            p.put("before", json(before));
            p.put("after", json(after));
            p.put("success", true);
            p.put("error", null);
            db.execute().createNamedInsert("audit-insert").params(p).execute();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "audit record for " + action + " failed", e);
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
