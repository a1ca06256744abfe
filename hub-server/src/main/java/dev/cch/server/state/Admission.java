package dev.cch.server.state;

import dev.cch.server.limits.LimitKind;
import dev.cch.server.limits.Subject;

import java.util.Map;

/**
 * The answer to an admission.
 *
 * @param failOpen     the store was unreachable: nothing was checked and the request is allowed
 * @param rejection    the limit that refused the request, or null if admitted
 * @param sessionId    the session actually counted (the alternative id for a short request on a busy session)
 * @param boundProvider the provider this session is bound to, or null
 * @param providers    per candidate provider: breaker state and why it is unavailable (null reason = available)
 */
public record Admission(boolean failOpen, Rejection rejection, String sessionId, Long boundProvider,
                        Map<Long, ProviderState> providers) {

    public static Admission failOpen(String sessionId) {
        return new Admission(true, null, sessionId, null, Map.of());
    }

    public boolean admitted() {
        return rejection == null;
    }

    /** Which limit refused the request: its value, the usage at the time, and when it frees up. */
    public record Rejection(Subject subject, LimitKind kind, long limit, long current, long resetAtMs) {
    }

    /** A candidate provider's state. */
    public record ProviderState(BreakerState breaker, String unavailable) {
    }
}
