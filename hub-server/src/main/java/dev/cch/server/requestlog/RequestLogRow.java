package dev.cch.server.requestlog;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;

/** One row of the request log: everything the books and the dashboards need about one request. */
public record RequestLogRow(
        String requestId, Instant createdAt, Instant finishedAt,
        Long userId, Long keyId, Long providerId,
        String clientProtocol, String providerType, String endpoint,
        String model, String upstreamModel, String actualModel, String billingModel,
        boolean stream, int statusCode, String errorKind, String errorMessage, String blockedBy,
        long inputTokens, long outputTokens, long cacheReadTokens, long cacheWrite5mTokens, long cacheWrite1hTokens,
        long reasoningTokens, BigDecimal costUsd, JsonNode costBreakdown, boolean priceMissing,
        BigDecimal costMultiplier, BigDecimal groupMultiplier,
        Integer ttfbMs, Integer ttftMs, Integer durationMs, String sessionId, int attempts,
        JsonNode decisionChain, String clientIp, String userAgent) {
}
