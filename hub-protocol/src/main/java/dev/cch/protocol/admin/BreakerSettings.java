package dev.cch.protocol.admin;

/** Circuit breaker settings of a provider; a threshold of 0 turns the breaker off. */
public record BreakerSettings(Integer failureThreshold, Long openDurationMs, Integer halfOpenSuccesses) {
    public static final BreakerSettings DEFAULT = new BreakerSettings(5, 1_800_000L, 2);

    public BreakerSettings {
        failureThreshold = failureThreshold == null ? 5 : failureThreshold;
        openDurationMs = openDurationMs == null ? 1_800_000L : openDurationMs;
        halfOpenSuccesses = halfOpenSuccesses == null ? 2 : halfOpenSuccesses;
    }

    public Validation validate(Validation v) {
        return v.range("failureThreshold", failureThreshold, 0, 1000)
                .range("openDurationMs", openDurationMs, 1000, 7L * 24 * 3600 * 1000)
                .range("halfOpenSuccesses", halfOpenSuccesses, 1, 100);
    }
}
