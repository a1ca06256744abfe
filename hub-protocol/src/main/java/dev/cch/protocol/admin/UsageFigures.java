package dev.cch.protocol.admin;

import java.math.BigDecimal;

/** Traffic figures of one period or one group: requests, tokens by bucket, cost, errors and latency. */
public record UsageFigures(long requests, long errors, long inputTokens, long outputTokens, long cacheReadTokens,
                           long cacheWriteTokens, BigDecimal costUsd, Double avgLatencyMs, Double avgTtftMs) {

    public long totalTokens() {
        return inputTokens + outputTokens + cacheReadTokens + cacheWriteTokens;
    }

    public double errorRate() {
        return requests == 0 ? 0 : (double) errors / requests;
    }

    /** Share of the context read from cache: cache reads over everything the model read. */
    public double cacheHitRate() {
        long context = inputTokens + cacheReadTokens + cacheWriteTokens;
        return context == 0 ? 0 : (double) cacheReadTokens / context;
    }
}
