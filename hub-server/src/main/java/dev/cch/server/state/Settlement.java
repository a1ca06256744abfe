package dev.cch.server.state;

import dev.cch.server.limits.Subject;
import dev.cch.server.limits.Window;

import java.util.List;

/**
 * The end of a request.
 *
 * @param costNano   what it cost, added to every window of every subject (user, key, provider)
 * @param session    scoped session id whose in-flight count drops, or null
 * @param provider   the provider that served it, counted as holding the session; null if none
 * @param binding    a binding to write, or null
 * @param breakerSuccess the provider whose breaker records a success, or null
 */
public record Settlement(long nowMs, String requestId, long costNano, List<Spend> subjects, String session,
                         long sessionTtlMs, Holder provider, Binding binding, Success breakerSuccess) {

    /** A subject whose windows take the cost. */
    public record Spend(Subject subject, List<Window> windows) {
    }

    /** The provider that now holds the session. */
    public record Holder(Subject subject) {
    }

    /**
     * Bind a session to a provider, compare-and-set: written if the session is unbound, or bound to {@code expected},
     * or (with {@code force}) whatever it is bound to.
     */
    public record Binding(String session, Long expected, long provider, boolean force, long ttlMs) {
    }

    /** A success to record on a provider's breaker. */
    public record Success(long providerId, BreakerConfig config) {
    }
}
