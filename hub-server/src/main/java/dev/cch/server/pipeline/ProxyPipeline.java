package dev.cch.server.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.server.auth.AuthGate;
import dev.cch.server.auth.AuthStep;
import dev.cch.server.breakers.SharedBreakers;
import dev.cch.server.convert.ConvertRequest;
import dev.cch.server.guard.AccessListStep;
import dev.cch.server.guard.RequestShapeStep;
import dev.cch.server.guard.SensitiveWordStep;
import dev.cch.server.rules.SensitiveWords;
import dev.cch.server.limits.LimitAnswers;
import dev.cch.server.limits.LimitPlans;
import dev.cch.server.limits.RateLimitStep;
import dev.cch.server.providers.Provider;
import dev.cch.server.routing.AttemptStep;
import dev.cch.server.routing.BreakerGate;
import dev.cch.server.routing.ErrorClassifier;
import dev.cch.server.routing.FailoverPolicy;
import dev.cch.server.routing.FailoverStep;
import dev.cch.server.routing.PrepareAttempt;
import dev.cch.server.routing.ProviderSelector;
import dev.cch.server.routing.SelectProviderStep;
import dev.cch.server.routing.TokenCountEstimate;
import dev.cch.server.routing.UpstreamErrors;
import dev.cch.server.sessions.SessionIds;
import dev.cch.server.sessions.SessionStep;
import dev.cch.server.state.StateStore;
import dev.cch.server.upstream.CallUpstream;
import dev.cch.server.upstream.UpstreamTransport;
import dev.cch.server.upstream.Watchdog;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The request pipeline, in order. This is the one place that says what happens to a proxied request:
 * <ol>
 *   <li>auth: a valid, enabled, unexpired hub key, or 401</li>
 *   <li>request shape: a JSON body naming a model, or 400</li>
 *   <li>access lists: the user's allowed models and clients, or 403</li>
 *   <li>content rules: prompt text matching a sensitive word, or 400</li>
 *   <li>session: which coding session the request belongs to</li>
 *   <li>rate limits: one state-store round trip checks RPM, spend windows and concurrent sessions (429 / 402) and
 *       reads the session binding and the providers' breakers and load</li>
 *   <li>provider selection: the ordered plan of providers to try, bound provider first, or 503</li>
 *   <li>failover: attempts until one answers; each attempt runs breaker gate → conversion → model redirect, path
 *       and headers → the upstream call</li>
 * </ol>
 * After the answer is delivered, {@link Finish} prices and logs it and {@code Settle} updates the state store.
 */
public final class ProxyPipeline {
    private ProxyPipeline() {
    }

    /** Everything the steps need, built once by the composition root. */
    public record Parts(AuthGate gate, Replies replies, ProviderSelector selector,
                        Supplier<List<Provider>> providers, StateStore store, LimitPlans limitPlans,
                        LimitAnswers limitAnswers, SharedBreakers breakers, FailoverPolicy failover,
                        FailoverStep.Pause pause, UpstreamTransport transport, Watchdog watchdog, ObjectMapper mapper,
                        ErrorClassifier errorClassifier, SensitiveWords sensitiveWords, Clock clock,
                        Duration sessionTtl) {
    }

    public static Pipeline assemble(Parts p) {
        List<AttemptStep> attempt = List.of(
                new BreakerGate(p.breakers()),
                new ConvertRequest(),
                new PrepareAttempt(p.mapper()),
                new CallUpstream(p.transport(), p.watchdog(), p.mapper(), p.replies().bodies(), p.errorClassifier()));
        return new Pipeline(List.of(
                new AuthStep(p.gate(), p.replies()),
                new RequestShapeStep(p.replies()),
                new AccessListStep(p.replies()),
                new SensitiveWordStep(p.sensitiveWords(), p.replies()),
                new SessionStep(new SessionIds(p.mapper())),
                new RateLimitStep(p.store(), p.limitPlans(), p.providers(), p.clock(), p.sessionTtl(),
                        p.limitAnswers(), p.replies()),
                new SelectProviderStep(p.selector(), p.breakers(), p.clock(), p.replies(),
                        new TokenCountEstimate(p.mapper(), p.replies())),
                new FailoverStep(attempt, p.failover(), p.breakers(), p.pause(), p.replies(),
                        new UpstreamErrors(p.replies(), p.mapper()))));
    }
}
