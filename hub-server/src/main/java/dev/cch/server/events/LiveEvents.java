package dev.cch.server.events;

import dev.cch.protocol.admin.LiveEvent;
import dev.cch.server.billing.Cost;
import dev.cch.server.pipeline.Exchange;
import dev.cch.server.pipeline.FinishListener;
import dev.cch.server.providers.Provider;
import dev.cch.server.state.BreakerState;

import java.time.Clock;
import java.time.Instant;

/**
 * Turns what happens in the hub into live events: every finished request (and limit rejections), and breaker
 * transitions; finished requests also feed the traffic window behind the per-second metrics.
 */
public final class LiveEvents implements FinishListener {
    private final EventHub hub;
    private final TrafficWindow traffic;
    private final Clock clock;

    public LiveEvents(EventHub hub, TrafficWindow traffic, Clock clock) {
        this.hub = hub;
        this.traffic = traffic;
        this.clock = clock;
    }

    @Override
    public void finished(Exchange ex, Cost cost) {
        var r = ex.request();
        var u = ex.usage();
        Provider p = ex.provider();
        long durationMs = (System.nanoTime() - r.startNanos()) / 1_000_000;
        boolean error = ex.errorKind() != null || ex.status() >= 400;
        traffic.record(durationMs, error, p == null ? null : p.name());
        Instant now = clock.instant();
        var principal = ex.principal();
        hub.publish(new LiveEvent.Request(now, r.id(), principal == null ? null : principal.user().id(),
                principal == null ? null : principal.user().name(), principal == null ? null : principal.key().id(),
                p == null ? null : p.id(), p == null ? null : p.name(), r.model(), r.endpoint().name().toLowerCase(),
                ex.status(), ex.errorKind() == null ? null : ex.errorKind().name(), u.input(), u.output(), u.cacheRead(),
                u.cacheWrite(), cost.total(), (int) durationMs, ex.firstTokenMs(), ex.sessionId()));
        if ("rate_limit".equals(ex.blockedBy()) && ex.admission() != null && ex.admission().rejection() != null) {
            var rej = ex.admission().rejection();
            hub.publish(new LiveEvent.Limit(now, rej.kind().wireName(), rej.subject().kind().name().toLowerCase(),
                    rej.subject().id(), ex.errorMessage()));
        }
    }

    /** For {@code SharedBreakers.onTransition}. */
    public void breakerChanged(Provider p, BreakerState st) {
        hub.publish(new LiveEvent.Breaker(clock.instant(), p.id(), p.name(), st.state(), st.failures(),
                BreakerState.CLOSED.equals(st.state()) ? null : Instant.ofEpochMilli(st.openUntilMs())));
    }
}
