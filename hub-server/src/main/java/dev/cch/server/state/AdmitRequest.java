package dev.cch.server.state;

import dev.cch.server.limits.Subject;
import dev.cch.server.limits.Window;

import java.util.List;

/**
 * Everything one admission checks and reads.
 *
 * @param subjects  the user and the key, in check order
 * @param session   the session to count and whose binding to read, or null
 * @param providers the candidate providers to report on
 */
public record AdmitRequest(long nowMs, String requestId, List<RateSubject> subjects, SessionAsk session,
                           List<ProviderProbe> providers) {

    /** A user or key with its limits. Null limits are not checked. */
    public record RateSubject(Subject subject, Integer rpm, List<Window> windows, Integer sessionLimit) {
    }

    /**
     * The request's session.
     *
     * @param id           scoped session id ({@code keyId/sessionId})
     * @param altId        a fresh id to use instead when the session is busy and the request is short-context
     * @param shortContext whether the request is short (at most two messages)
     */
    public record SessionAsk(String id, String altId, boolean shortContext, long ttlMs) {
    }

    /** A candidate provider: its spend windows, session limit and breaker. */
    public record ProviderProbe(long providerId, Subject subject, List<Window> windows, Integer sessionLimit,
                                BreakerConfig breaker) {
    }
}
