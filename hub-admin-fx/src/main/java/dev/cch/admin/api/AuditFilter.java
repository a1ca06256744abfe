package dev.cch.admin.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** Filters of the audit log; blank means "any". {@code action} may be a prefix such as {@code provider.}. */
public record AuditFilter(String action, String actor, String targetType) {
    public static final AuditFilter ALL = new AuditFilter(null, null, null);

    public Map<String, String> query() {
        Map<String, String> q = new LinkedHashMap<>();
        if (action != null && !action.isBlank()) {
            q.put("action", action.trim());
        }
        if (actor != null && !actor.isBlank()) {
            q.put("actor", actor.trim());
        }
        if (targetType != null && !targetType.isBlank()) {
            q.put("targetType", targetType.trim());
        }
        return q;
    }
}
