package dev.cch.server.limits;

import dev.cch.server.billing.Cost;
import dev.cch.server.pipeline.ErrorKind;
import dev.cch.server.pipeline.Exchange;
import dev.cch.server.pipeline.FinishListener;
import dev.cch.server.pipeline.Principal;
import dev.cch.server.providers.Provider;
import dev.cch.server.routing.Breakers;
import dev.cch.server.state.Admission;
import dev.cch.server.state.Settlement;
import dev.cch.server.state.StateStore;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Settles a finished request in one round trip: its cost into every spend window of its key, user and provider,
 * its session's activity, the session binding, and a success on the provider's breaker. The binding is written only
 * after success (for streams: after a clean end), compare-and-set against the binding read at admission, and moves
 * to the provider that answered after a failover. A stream that broke after commit counts against the breaker.
 */
public final class Settle implements FinishListener {
    private final StateStore store;
    private final LimitPlans plans;
    private final Breakers breakers;
    private final Clock clock;
    private final Duration sessionTtl;

    public Settle(StateStore store, LimitPlans plans, Breakers breakers, Clock clock, Duration sessionTtl) {
        this.store = store;
        this.plans = plans;
        this.breakers = breakers;
        this.clock = clock;
        this.sessionTtl = sessionTtl;
    }

    @Override
    public void finished(Exchange ex, Cost cost) {
        Principal pr = ex.principal();
        Admission admission = ex.admission();
        if (pr == null || admission == null || admission.rejection() != null) {
            return;
        }
        long now = clock.millis();
        Provider p = ex.provider();
        boolean success = ex.errorKind() == null && p != null && ex.attempts() > 0;
        if (p != null && (ex.errorKind() == ErrorKind.STREAM_BROKEN || ex.errorKind() == ErrorKind.STREAM_IDLE_TIMEOUT)) {
            breakers.recordFailure(p, ex.errorKind());
        }
        if (success) {
            breakers.recordSuccess(p);
        }
        List<Settlement.Spend> spends = new ArrayList<>(3);
        spends.add(new Settlement.Spend(plans.key(pr.key()), plans.windows(plans.key(pr.key()), LimitPlans.effectiveKeyLimits(pr), now)));
        spends.add(new Settlement.Spend(plans.user(pr.user()), plans.windows(plans.user(pr.user()), pr.user().limits(), now)));
        if (p != null) {
            spends.add(new Settlement.Spend(plans.provider(p), plans.windows(plans.provider(p), p.limits(), now)));
        }
        String session = admission.sessionId();
        Settlement.Binding binding = null;
        if (success && session != null && !p.disableSessionReuse()) {
            Long bound = admission.boundProvider();
            // a session already on this provider keeps its binding fresh; one on another provider moves here only
            // if the binding is still what admission saw (compare-and-set)
            binding = new Settlement.Binding(session, bound, p.id(), false, sessionTtl.toMillis());
        }
        store.settle(new Settlement(now, ex.request().id(), Money.toNano(cost.total()), spends, session,
                sessionTtl.toMillis(), success ? new Settlement.Holder(plans.provider(p)) : null, binding,
                success ? new Settlement.Success(p.id(), LimitPlans.breakerConfig(p)) : null));
    }
}
