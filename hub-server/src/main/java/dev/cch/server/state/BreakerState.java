package dev.cch.server.state;

/**
 * A provider's breaker as the store holds it.
 *
 * @param state       closed, open or half_open
 * @param openUntilMs when an open breaker lets a trial request through
 * @param changed     true if the operation that produced this state moved the breaker to a new state
 */
public record BreakerState(String state, int failures, int halfOpenSuccesses, long openUntilMs, boolean changed) {
    public static final String CLOSED = "closed";
    public static final String OPEN = "open";
    public static final String HALF_OPEN = "half_open";
    public static final BreakerState INITIAL = new BreakerState(CLOSED, 0, 0, 0, false);

    public boolean allows() {
        return !OPEN.equals(state);
    }
}
