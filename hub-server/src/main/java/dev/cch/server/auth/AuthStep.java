package dev.cch.server.auth;

import dev.cch.protocol.error.ErrorType;
import dev.cch.protocol.error.HubError;
import dev.cch.server.pipeline.ErrorKind;
import dev.cch.server.pipeline.Exchange;
import dev.cch.server.pipeline.ProxyReply;
import dev.cch.server.pipeline.Replies;
import dev.cch.server.pipeline.Step;

import java.util.Map;

/**
 * Pipeline step 1: the caller must present a valid, enabled, unexpired hub key; 401 otherwise, 429 with
 * {@code Retry-After} when locked out after repeated failures ({@link AuthGate}).
 */
public final class AuthStep implements Step {
    private final AuthGate gate;
    private final Replies replies;

    public AuthStep(AuthGate gate, Replies replies) {
        this.gate = gate;
        this.replies = replies;
    }

    @Override
    public ProxyReply handle(Exchange ex, Chain chain) {
        var found = PresentedKey.find(ex.request().headers(), ex.request().rawQuery());
        ex.clientAddress(gate.address(ex.request().clientIp(), ex.request().headers()));
        return switch (gate.check(ex.clientAddress(), found, null)) {
            case AuthGate.Verdict.Key k -> {
                ex.principal(k.principal());
                yield chain.proceed(ex);
            }
            case AuthGate.Verdict.LockedOut l -> {
                ProxyReply reply = replies.error(ex, HubError.of(ErrorType.RATE_LIMIT, "auth_locked_out", l.message()),
                        ErrorKind.CLIENT_ERROR, Map.of("retry-after", Long.toString(l.retryAfterSeconds())));
                ex.blocked("auth_lockout", 429, ErrorKind.CLIENT_ERROR, l.message());
                ex.chain().rejected("auth_lockout", l.message());
                yield reply;
            }
            case AuthGate.Verdict.Refused r -> {
                HubError e = HubError.of(r.refusal().status() == 503 ? ErrorType.UNAVAILABLE : ErrorType.AUTHENTICATION,
                        r.refusal().code(), r.refusal().message());
                ProxyReply reply = replies.error(ex, e, ErrorKind.CLIENT_ERROR);
                ex.blocked("auth", r.refusal().status(), ErrorKind.CLIENT_ERROR, r.refusal().code());
                ex.chain().rejected("auth", r.refusal().code());
                yield reply;
            }
            case AuthGate.Verdict.AdminToken t -> throw new IllegalStateException("no admin token is accepted here");
        };
    }
}
