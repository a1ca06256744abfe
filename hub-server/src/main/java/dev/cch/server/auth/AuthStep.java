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
 * Pipeline step 1: the caller must present a valid, enabled, unexpired hub key; 401 otherwise. Repeated wrong keys
 * from one address (or one wrong key from many) are locked out with 429 before any lookup.
 */
public final class AuthStep implements Step {
    private final ApiKeyAuthenticator authenticator;
    private final Lockout lockout;
    private final Replies replies;

    public AuthStep(ApiKeyAuthenticator authenticator, Lockout lockout, Replies replies) {
        this.authenticator = authenticator;
        this.lockout = lockout;
        this.replies = replies;
    }

    @Override
    public ProxyReply handle(Exchange ex, Chain chain) {
        var found = PresentedKey.find(ex.request().headers(), ex.request().rawQuery());
        String ip = ex.request().clientIp();
        String credential = Lockout.credential(found);
        long wait = lockout.retryAfterSeconds(ip, credential);
        if (wait > 0) {
            String message = "too many failed authentication attempts; try again in " + wait + " s";
            ProxyReply reply = replies.error(ex, HubError.of(ErrorType.RATE_LIMIT, "auth_locked_out", message),
                    ErrorKind.CLIENT_ERROR, Map.of("retry-after", Long.toString(wait)));
            ex.blocked("auth_lockout", 429, ErrorKind.CLIENT_ERROR, message);
            ex.chain().rejected("auth_lockout", message);
            return reply;
        }
        return switch (authenticator.authenticate(found)) {
            case ApiKeyAuthenticator.Result.Accepted a -> {
                lockout.succeeded(credential);
                ex.principal(a.principal());
                yield chain.proceed(ex);
            }
            case ApiKeyAuthenticator.Result.Refused r -> {
                if (r.refusal().isCredentialFailure()) {
                    lockout.failed(ip, credential);
                }
                HubError e = HubError.of(r.refusal().status() == 503 ? ErrorType.UNAVAILABLE : ErrorType.AUTHENTICATION,
                        r.refusal().code(), r.refusal().message());
                ProxyReply reply = replies.error(ex, e, ErrorKind.CLIENT_ERROR);
                ex.blocked("auth", r.refusal().status(), ErrorKind.CLIENT_ERROR, r.refusal().code());
                ex.chain().rejected("auth", r.refusal().code());
                yield reply;
            }
        };
    }
}
