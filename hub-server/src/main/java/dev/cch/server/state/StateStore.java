package dev.cch.server.state;

import dev.cch.server.limits.Subject;
import dev.cch.server.limits.Window;

import java.util.Collection;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Shared, fast state of the hub: rate and spend windows, active sessions, session bindings, circuit breakers and
 * authentication lockouts.
 * In Redis when several nodes share it (every operation is one atomic Lua script, one round trip), in process for a
 * single node. Both adapters pass the same contract tests. Time is always passed in, never read, so callers control
 * it. Operations fail open: when the store is unreachable they allow and report {@code failOpen}.
 */
public interface StateStore extends AutoCloseable {
    /** {@code redis} or {@code local}. */
    String kind();

    /** True if the store answered recently (always true for the local store). */
    boolean available();

    /**
     * How far this node's clock is ahead of the shared store's (negative: behind), as last measured; 0 for the local
     * store. Key lifetimes never depend on it; which calendar window, RPM minute or breaker time a node sees does.
     */
    default long clockSkewMs() {
        return 0;
    }

    /**
     * Admission of one request, atomically: checks every limit of its user and key (nothing is counted if one is
     * hit), then counts the request (RPM) and its session, reads the session's binding and the candidate providers'
     * breakers, spend and session load.
     */
    Admission admit(AdmitRequest request);

    /** The end of one request, atomically: spend into every window, session activity, binding, breaker success. */
    void settle(Settlement settlement);

    /** Counts a failure against a provider's breaker; returns the state after it. */
    BreakerState recordFailure(long providerId, BreakerConfig config, long nowMs);

    /** Breaker states of these providers (open breakers past their open time read as half-open). */
    Map<Long, BreakerState> breakers(Collection<Long> providerIds, long nowMs);

    /** Closes a provider's breaker and forgets its failures. */
    void resetBreaker(long providerId);

    /**
     * Counts one failed authentication against each id (a presented credential, a client address), atomically. An
     * id reaching its threshold (the map's value, at least 1) of failures within {@code windowMs} of its first is
     * locked for {@code lockMs}; failures while it is locked are not counted. Returns the locked ids with the time
     * their lock ends. Fails open: nothing is locked when the store is unreachable.
     */
    Map<String, Long> countAuthFailure(Map<String, Integer> thresholds, long windowMs, long lockMs, long nowMs);

    /** The ids among these that are locked now, with the time each lock ends (fails open: none). */
    Map<String, Long> authLocks(Collection<String> ids, long nowMs);

    /** Current usage of a subject in each of its windows, its RPM and its active sessions, for gauges. */
    Usage usage(Subject subject, Collection<Window> windows, long sessionTtlMs, long nowMs);

    /** Forgets a session: its binding, in-flight count and its place in the active-session sets. */
    void endSession(String scopedSessionId, Collection<Subject> holders);

    /** Publishes a short message to every hub node (cache invalidation). */
    void publish(String channel, String message);

    /** Receives the messages of a channel from every hub node (this one included). */
    void subscribe(String channel, Consumer<String> listener);

    @Override
    void close();

    /** What a usage query returns. */
    record Usage(Map<String, Long> windowNano, Map<String, Long> windowResetAtMs, long rpm, long sessions) {
    }
}
