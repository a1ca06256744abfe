package dev.cch.server.limits;

import dev.cch.server.pipeline.ErrorKind;
import dev.cch.server.pipeline.Exchange;
import dev.cch.server.pipeline.Principal;
import dev.cch.server.pipeline.ProxyReply;
import dev.cch.server.pipeline.Replies;
import dev.cch.server.pipeline.Step;
import dev.cch.server.providers.Provider;
import dev.cch.server.state.Admission;
import dev.cch.server.state.AdmitRequest;
import dev.cch.server.state.StateStore;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Pipeline step: one round trip to the state store admits the request against every limit of its key and user
 * (RPM, spend windows, concurrent sessions), counts its session and reads what selection needs (the session's
 * binding, the candidate providers' breakers and load). A hit limit answers 429 or 402 with Retry-After and
 * X-RateLimit headers. An unreachable store lets the request through (fail open) and says so in the chain.
 */
public final class RateLimitStep implements Step {
    private final StateStore store;
    private final LimitPlans plans;
    private final Supplier<List<Provider>> providers;
    private final Clock clock;
    private final Duration sessionTtl;
    private final LimitAnswers answers;
    private final Replies replies;

    public RateLimitStep(StateStore store, LimitPlans plans, Supplier<List<Provider>> providers, Clock clock,
                         Duration sessionTtl, LimitAnswers answers, Replies replies) {
        this.store = store;
        this.plans = plans;
        this.providers = providers;
        this.clock = clock;
        this.sessionTtl = sessionTtl;
        this.answers = answers;
        this.replies = replies;
    }

    @Override
    public ProxyReply handle(Exchange ex, Chain chain) {
        if (!ex.request().endpoint().billed()) {
            // token counting is free and frequent (Claude Code counts before it sends): no limits, no session
            return chain.proceed(ex);
        }
        long now = clock.millis();
        Principal pr = ex.principal();
        List<String> groups = pr.groups();
        boolean all = groups.contains("*");
        List<AdmitRequest.ProviderProbe> probes = new ArrayList<>();
        for (Provider p : providers.get()) {
            if (p.enabled() && (all || p.groupTags().stream().anyMatch(groups::contains))) {
                probes.add(plans.probe(p, now));
            }
        }
        Exchange.Session s = ex.session();
        AdmitRequest.SessionAsk ask = s == null ? null
                : new AdmitRequest.SessionAsk(s.scopedId(), s.altScopedId(), s.shortContext(), sessionTtl.toMillis());
        Admission a = store.admit(new AdmitRequest(now, ex.request().id(),
                List.of(plans.keySubject(pr, now), plans.userSubject(pr, now)), ask, probes));
        ex.admission(a);
        if (a.failOpen()) {
            ex.chain().note("limits", Map.of("decision", "skipped: state store unreachable (fail open)"));
        }
        if (a.rejection() != null) {
            LimitAnswers.Answer answer = answers.answer(a.rejection(), pr, now);
            ProxyReply r = replies.error(ex, answer.error(), ErrorKind.CLIENT_ERROR, answer.headers());
            ex.blocked("rate_limit", answer.error().status(), ErrorKind.CLIENT_ERROR, answer.error().message());
            ex.chain().rejected("rate_limit:" + a.rejection().kind().wireName(), answer.error().message());
            return r;
        }
        if (s != null && a.sessionId() != null && !a.sessionId().equals(s.scopedId())) {
            ex.session(new Exchange.Session(a.sessionId(), s.altScopedId(), "short request on a busy session", false));
            ex.sessionId(a.sessionId().substring(a.sessionId().indexOf('/') + 1));
        }
        return chain.proceed(ex);
    }
}
