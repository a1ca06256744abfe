package dev.cch.server.routing;

import dev.cch.server.providers.Provider;

import java.time.Duration;

/**
 * How hard the hub tries: provider switches per request (default 3, so up to 4 providers), attempts per provider
 * (default 2: one retry on network errors) and the pause between attempts. Providers may override both counts.
 */
public record FailoverPolicy(int maxSwitches, int attemptsPerProvider, Duration delay) {
    public static final FailoverPolicy DEFAULT = new FailoverPolicy(3, 2, Duration.ofMillis(100));

    public FailoverPolicy {
        if (maxSwitches < 0 || attemptsPerProvider < 1 || delay.isNegative()) {
            throw new IllegalArgumentException("invalid failover policy");
        }
    }

    public int attemptsFor(Provider p) {
        return p.maxRetryAttempts() != null ? p.maxRetryAttempts() : attemptsPerProvider;
    }

    /** Switches allowed after failing on {@code p}: its own setting if it has one, else the global one. */
    public int switchesAfter(Provider p) {
        return p.maxSwitches() != null ? p.maxSwitches() : maxSwitches;
    }
}
