package dev.cch.server.requestlog;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One row of the request log: everything the books and the dashboards need about one request. Its text is made
 * storable here ({@link RowText}), whoever builds it (the pipeline, or the spool replaying an older file), so no
 * byte a client or an upstream sent can make PostgreSQL refuse the row.
 */
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

    public RequestLogRow {
        requestId = RowText.clean(requestId, RowText.ID);
        clientProtocol = RowText.clean(clientProtocol, RowText.MODEL);
        providerType = RowText.clean(providerType, RowText.MODEL);
        endpoint = RowText.clean(endpoint, RowText.MODEL);
        model = RowText.clean(model, RowText.MODEL);
        upstreamModel = RowText.clean(upstreamModel, RowText.MODEL);
        actualModel = RowText.clean(actualModel, RowText.MODEL);
        billingModel = RowText.clean(billingModel, RowText.MODEL);
        errorKind = RowText.clean(errorKind, RowText.MODEL);
        errorMessage = RowText.clean(errorMessage, RowText.MESSAGE);
        blockedBy = RowText.clean(blockedBy, RowText.MODEL);
        costBreakdown = RowText.clean(costBreakdown);
        sessionId = RowText.clean(sessionId, RowText.ID);
        decisionChain = RowText.clean(decisionChain);
        clientIp = RowText.clean(clientIp, RowText.HEADER);
        userAgent = RowText.clean(userAgent, RowText.HEADER);
    }
}
