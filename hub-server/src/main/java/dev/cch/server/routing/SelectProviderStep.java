package dev.cch.server.routing;

import dev.cch.protocol.error.ErrorType;
import dev.cch.protocol.error.HubError;
import dev.cch.server.pipeline.ErrorKind;
import dev.cch.server.pipeline.Exchange;
import dev.cch.server.pipeline.ProxyReply;
import dev.cch.server.pipeline.Replies;
import dev.cch.server.pipeline.Step;
import dev.cch.server.providers.Provider;

import java.util.List;

/** Pipeline step: plan which providers to try. 503 when no provider can serve the request. */
public final class SelectProviderStep implements Step {
    private final ProviderSelector selector;
    private final Replies replies;

    public SelectProviderStep(ProviderSelector selector, Replies replies) {
        this.selector = selector;
        this.replies = replies;
    }

    @Override
    public ProxyReply handle(Exchange ex, Chain chain) {
        var ask = new ProviderSelector.Ask(ex.principal(), ex.request().protocol(), ex.request().model());
        List<Provider> plan = selector.plan(ask, ex.chain());
        if (plan.isEmpty()) {
            HubError e = HubError.of(ErrorType.UNAVAILABLE, "no_available_providers",
                    "no provider can serve model " + ask.model() + " for this key right now");
            ex.chain().outcome(503, ErrorKind.INTERNAL, "no provider available");
            return replies.error(ex, e, ErrorKind.BREAKER_OPEN);
        }
        ex.plan(plan);
        ex.chain().selected(plan.getFirst().id(), plan.getFirst().name(), "weighted_random");
        return chain.proceed(ex);
    }
}
