package dev.cch.server.pipeline;

import dev.cch.protocol.error.ErrorBodies;
import dev.cch.protocol.error.ErrorType;
import dev.cch.protocol.error.HubError;

import java.util.Map;

/** Builds error answers in the caller's protocol and records them on the exchange. */
public final class Replies {
    private final ErrorBodies bodies;

    public Replies(ErrorBodies bodies) {
        this.bodies = bodies;
    }

    /** Answers with an error the hub itself decided (auth, limits, validation, no provider). */
    public ProxyReply error(Exchange ex, HubError error, ErrorKind kind) {
        ex.failed(error.status(), kind, error.message());
        Headers h = new Headers().set("content-type", "application/json");
        return new ProxyReply.Buffered(error.status(), h, bodies.render(ex.request().protocol(), error));
    }

    /** Like {@link #error} with extra response headers (Retry-After, X-RateLimit-*). */
    public ProxyReply error(Exchange ex, HubError error, ErrorKind kind, Map<String, String> headers) {
        ProxyReply r = error(ex, error, kind);
        headers.forEach(r.headers()::set);
        return r;
    }

    /** A guard refused the request before any upstream was called. */
    public ProxyReply blocked(Exchange ex, String by, HubError error) {
        ProxyReply r = error(ex, error, ErrorKind.CLIENT_ERROR);
        ex.blocked(by, error.status(), ErrorKind.CLIENT_ERROR, error.message());
        ex.chain().rejected(by, error.message());
        return r;
    }

    public ProxyReply badRequest(Exchange ex, String by, String message) {
        return blocked(ex, by, HubError.of(ErrorType.INVALID_REQUEST, message));
    }

    public ErrorBodies bodies() {
        return bodies;
    }
}
