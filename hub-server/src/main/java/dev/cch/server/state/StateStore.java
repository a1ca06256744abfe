package dev.cch.server.state;

/**
 * Shared, fast state of the hub (limits, breakers, session bindings): in Redis when several nodes share it, in
 * process for a single node. Operations fail open: when the store is unreachable they answer "allowed" and the
 * hub reports itself degraded.
 */
public interface StateStore extends AutoCloseable {
    /** {@code redis} or {@code local}. */
    String kind();

    /** True if the store answered recently (always true for the local store). */
    boolean available();

    @Override
    void close();
}
