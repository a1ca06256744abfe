package dev.cch.server.logs;

import java.time.Instant;

/**
 * What the request log is filtered by; null fields do not filter. {@code status} is an HTTP status or
 * {@code error} for every failed request.
 */
public record LogFilter(Long userId, Long keyId, Long providerId, String model, String status, String sessionId,
                        String endpoint, Instant from, Instant to) {
    public static final LogFilter NONE = new LogFilter(null, null, null, null, null, null, null, null, null);

    public LogFilter forKey(long key) {
        return new LogFilter(userId, key, providerId, model, status, sessionId, endpoint, from, to);
    }
}
