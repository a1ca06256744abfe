package dev.cch.protocol.admin;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * What {@code GET /api/v1/events} streams. The SSE event name is the record's {@code type}; the SSE id lets a client
 * resume with {@code Last-Event-ID}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LiveEvent.Request.class, name = "request"),
        @JsonSubTypes.Type(value = LiveEvent.Breaker.class, name = "breaker"),
        @JsonSubTypes.Type(value = LiveEvent.Limit.class, name = "limit"),
        @JsonSubTypes.Type(value = LiveEvent.Metrics.class, name = "metrics")})
public sealed interface LiveEvent {

    Instant at();

    /** A request finished. */
    record Request(Instant at, String requestId, Long userId, String userName, Long keyId, Long providerId,
                   String providerName, String model, String endpoint, int status, String errorKind, long inputTokens,
                   long outputTokens, long cacheReadTokens, long cacheWriteTokens, BigDecimal costUsd,
                   Integer durationMs, Integer ttftMs, String sessionId) implements LiveEvent {
    }

    /** A provider's breaker changed state. */
    record Breaker(Instant at, long providerId, String providerName, String state, int failures, Instant reopensAt)
            implements LiveEvent {
    }

    /** A request was refused by a limit. */
    record Limit(Instant at, String limitType, String subject, long subjectId, String message) implements LiveEvent {
    }

    /**
     * Once a second, this node's traffic: requests per second over the last second and minute, latency percentiles
     * of the last minute, streams open now, and today's totals (all nodes, refreshed every few seconds).
     */
    record Metrics(Instant at, double requestsPerSecond, double requestsPerSecondMinute, double errorRateMinute,
                   Double p50LatencyMs, Double p95LatencyMs, long activeStreams, long activeSessions,
                   UsageFigures today, Map<String, Long> requestsPerProviderMinute, long droppedEvents)
            implements LiveEvent {
    }
}
