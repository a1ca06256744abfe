package dev.cch.protocol.admin;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One request as the request log holds it. {@code decisionChain} and {@code costBreakdown} are filled in the detail
 * view only. Timings are milliseconds from the moment the hub received the request.
 */
public record RequestLogView(long id, String requestId, Instant createdAt, Instant finishedAt,
                             Long userId, String userName, Long keyId, String keyName, Long providerId,
                             String providerName, String clientProtocol, String providerType, String endpoint,
                             String model, String upstreamModel, String actualModel, String billingModel,
                             boolean stream, int statusCode, String errorKind, String errorMessage, String blockedBy,
                             Tokens tokens, BigDecimal costUsd, boolean priceMissing, JsonNode costBreakdown,
                             Integer ttfbMs, Integer ttftMs, Integer durationMs, String sessionId, int attempts,
                             JsonNode decisionChain, String clientIp, String userAgent) {

    /** Token counts by bucket (disjoint: input excludes cache reads and writes). */
    public record Tokens(long input, long output, long cacheRead, long cacheWrite5m, long cacheWrite1h, long reasoning) {
        public long total() {
            return input + output + cacheRead + cacheWrite5m + cacheWrite1h;
        }
    }
}
