package dev.cch.server.state;

/** A provider's breaker settings: open after N counted failures, for a while, then close after M successes. */
public record BreakerConfig(int failureThreshold, long openMs, int halfOpenSuccesses) {
    public boolean disabled() {
        return failureThreshold <= 0;
    }
}
