package dev.cch.server.sessions;

import dev.cch.server.pipeline.Exchange;
import dev.cch.server.pipeline.ProxyReply;
import dev.cch.server.pipeline.Step;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Pipeline step: which coding session the request belongs to (scoped to its key, so tenants never share one), and
 * whether it is a short-context request (at most two messages) that should get its own session when the main one is
 * busy, as parallel sub-agents do. Never refuses.
 */
public final class SessionStep implements Step {
    static final int SHORT_CONTEXT = 2;
    private final SessionIds ids;

    public SessionStep(SessionIds ids) {
        this.ids = ids;
    }

    @Override
    public ProxyReply handle(Exchange ex, Chain chain) {
        SessionIds.Found found = ids.find(ex.request());
        String scope = ex.principal().key().id() + "/";
        boolean shortContext = !found.source().equals("content hash")
                && ex.request().messageCount() <= SHORT_CONTEXT;
        String alt = scope + "sub_" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        ex.session(new Exchange.Session(scope + found.id(), alt, found.source(), shortContext));
        ex.sessionId(found.id());
        return chain.proceed(ex);
    }
}
