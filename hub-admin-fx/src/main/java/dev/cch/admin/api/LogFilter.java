package dev.cch.admin.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Filters of the request log; null means "any". {@code status} is an HTTP status or {@code error}. */
public record LogFilter(Long userId, Long keyId, Long providerId, String model, String status, String sessionId,
                        String endpoint, Instant from, Instant to) {
    public static final LogFilter ALL = new LogFilter(null, null, null, null, null, null, null, null, null);

    /** The filters as query parameters, in the order the API documents them. */
    public Map<String, String> query() {
        Map<String, String> q = new LinkedHashMap<>();
        put(q, "userId", userId);
        put(q, "keyId", keyId);
        put(q, "providerId", providerId);
        put(q, "model", model);
        put(q, "status", status);
        put(q, "sessionId", sessionId);
        put(q, "endpoint", endpoint);
        put(q, "from", from);
        put(q, "to", to);
        return q;
    }

    private static void put(Map<String, String> q, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            q.put(name, value.toString().trim());
        }
    }
}
