package dev.cch.server.auth;

import dev.cch.protocol.error.ErrorType;
import dev.cch.protocol.error.HubError;
import dev.cch.server.pipeline.ErrorKind;
import dev.cch.server.pipeline.Exchange;
import dev.cch.server.pipeline.ProxyReply;
import dev.cch.server.pipeline.Replies;
import dev.cch.server.pipeline.Step;

/** Pipeline step 1: the caller must present a valid, enabled, unexpired hub key. 401 otherwise. */
public final class AuthStep implements Step {
    private final ApiKeyAuthenticator authenticator;
    private final Replies replies;

    public AuthStep(ApiKeyAuthenticator authenticator, Replies replies) {
        this.authenticator = authenticator;
        this.replies = replies;
    }

    @Override
    public ProxyReply handle(Exchange ex, Chain chain) {
        var found = PresentedKey.find(ex.request().headers(), ex.request().rawQuery());
        return switch (authenticator.authenticate(found)) {
            case ApiKeyAuthenticator.Result.Accepted a -> {
                ex.principal(a.principal());
                yield chain.proceed(ex);
            }
            case ApiKeyAuthenticator.Result.Refused r -> {
                HubError e = HubError.of(ErrorType.AUTHENTICATION, r.refusal().code(), r.refusal().message());
                ProxyReply reply = replies.error(ex, e, ErrorKind.CLIENT_ERROR);
                ex.blocked("auth", 401, ErrorKind.CLIENT_ERROR, r.refusal().code());
                ex.chain().rejected("auth", r.refusal().code());
                yield reply;
            }
        };
    }
}
