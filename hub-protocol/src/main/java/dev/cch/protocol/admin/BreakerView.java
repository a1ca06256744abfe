package dev.cch.protocol.admin;

import java.time.Instant;

/**
 * A provider's circuit breaker: {@code state} is closed, open or half_open; {@code reopensAt} is when an open
 * breaker lets a trial request through.
 */
public record BreakerView(long providerId, String provider, String state, int failures, int failureThreshold,
                          int halfOpenSuccesses, int halfOpenSuccessesNeeded, Instant reopensAt, long openDurationMs) {
}
