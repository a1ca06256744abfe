package dev.cch.server.routing;

import dev.cch.protocol.error.ErrorType;
import dev.cch.protocol.error.HubError;
import dev.cch.server.breakers.SharedBreakers;
import dev.cch.server.pipeline.ErrorKind;
import dev.cch.server.pipeline.Exchange;
import dev.cch.server.pipeline.ProxyReply;
import dev.cch.server.pipeline.Replies;
import dev.cch.server.pipeline.Step;
import dev.cch.server.providers.Provider;
import dev.cch.server.state.Admission;
import dev.cch.server.state.BreakerState;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pipeline step: plan which providers to try. A provider is healthy when its breaker lets requests through and it
 * has not reached its own spend or session limits (as the admission read them). A session bound to a provider that
 * is still eligible goes there first, so its prompt cache keeps hitting. 503 when no provider can serve. Token
 * counting goes only to providers of the client's own protocol, and is estimated locally when there are none.
 */
public final class SelectProviderStep implements Step {
    private final ProviderSelector selector;
    private final SharedBreakers breakers;
    private final Clock clock;
    private final Replies replies;
    private final TokenCountEstimate estimate;

    public SelectProviderStep(ProviderSelector selector, SharedBreakers breakers, Clock clock, Replies replies,
                              TokenCountEstimate estimate) {
        this.selector = selector;
        this.breakers = breakers;
        this.clock = clock;
        this.replies = replies;
        this.estimate = estimate;
    }

    @Override
    public ProxyReply handle(Exchange ex, Chain chain) {
        Admission admission = ex.admission();
        Map<Long, Admission.ProviderState> states = admission == null ? Map.of() : admission.providers();
        Map<Long, BreakerState> breakerStates = new java.util.HashMap<>();
        states.forEach((id, st) -> breakerStates.put(id, st.breaker()));
        breakers.observe(breakerStates);
        long now = clock.millis();
        ProviderHealth health = p -> {
            Admission.ProviderState st = states.get(p.id());
            if (st != null && st.unavailable() != null) {
                return st.unavailable();
            }
            BreakerState b = st != null ? st.breaker() : null;
            if (b != null && BreakerState.OPEN.equals(b.state()) && now < b.openUntilMs() || !breakers.allows(p)) {
                return "breaker open" + (b == null ? "" : " until " + Instant.ofEpochMilli(b.openUntilMs()));
            }
            return null;
        };
        boolean counting = !ex.request().endpoint().billed();
        var ask = new ProviderSelector.Ask(ex.principal(), ex.request().protocol(), ex.request().model(), counting);
        List<Provider> plan = new ArrayList<>(selector.plan(ask, health, ex.chain()));
        if (plan.isEmpty() && counting) {
            return estimate.answer(ex);
        }
        if (plan.isEmpty()) {
            HubError e = HubError.of(ErrorType.UNAVAILABLE, "no_available_providers",
                    "no provider can serve model " + ask.model() + " for this key right now");
            ex.chain().outcome(503, ErrorKind.BREAKER_OPEN, "no provider available");
            return replies.error(ex, e, ErrorKind.BREAKER_OPEN);
        }
        String method = "weighted_random";
        Long bound = admission == null ? null : admission.boundProvider();
        Exchange.Session session = ex.session();
        if (bound != null) {
            Provider b = plan.stream().filter(p -> p.id() == bound).findFirst().orElse(null);
            if (b != null && !b.disableSessionReuse()) {
                plan.remove(b);
                plan.addFirst(b);
                method = "session_reuse";
                ex.chain().session(ex.sessionId(), session.source(), bound, "reuse: the session is bound to this provider");
            } else {
                ex.chain().session(ex.sessionId(), session.source(), bound,
                        b == null ? "bound provider not eligible now; choosing again" : "bound provider opts out of session reuse");
            }
        } else if (session != null) {
            ex.chain().session(ex.sessionId(), session.source(), null, "new session: bound after a successful answer");
        }
        ex.plan(plan);
        ex.chain().selected(plan.getFirst().id(), plan.getFirst().name(), method);
        return chain.proceed(ex);
    }
}
