package dev.cch.server.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.server.auth.ApiKeyAuthenticator;
import dev.cch.server.auth.AuthStep;
import dev.cch.server.guard.RequestShapeStep;
import dev.cch.server.routing.AttemptStep;
import dev.cch.server.routing.Breakers;
import dev.cch.server.routing.ErrorClassifier;
import dev.cch.server.routing.FailoverPolicy;
import dev.cch.server.routing.FailoverStep;
import dev.cch.server.routing.PrepareAttempt;
import dev.cch.server.routing.ProviderSelector;
import dev.cch.server.routing.SelectProviderStep;
import dev.cch.server.routing.UpstreamErrors;
import dev.cch.server.upstream.CallUpstream;
import dev.cch.server.upstream.UpstreamTransport;
import dev.cch.server.upstream.Watchdog;

import java.util.List;

/**
 * The request pipeline, in order. This is the one place that says what happens to a proxied request:
 * <ol>
 *   <li>auth: a valid hub key, or 401</li>
 *   <li>request shape: a JSON body naming a model, or 400</li>
 *   <li>provider selection: the ordered plan of providers to try, or 503</li>
 *   <li>failover: for each attempt, prepare (model redirect, path, headers), then call the upstream</li>
 * </ol>
 * After the answer is delivered, {@link Finish} bills, settles and logs.
 */
public final class ProxyPipeline {
    private ProxyPipeline() {
    }

    /** Everything the steps need, built once by the composition root. */
    public record Parts(ApiKeyAuthenticator authenticator, Replies replies, ProviderSelector selector,
                        FailoverPolicy failover, Breakers breakers, FailoverStep.Pause pause,
                        UpstreamTransport transport, Watchdog watchdog, ObjectMapper mapper,
                        ErrorClassifier errorClassifier) {
    }

    public static Pipeline assemble(Parts p) {
        List<AttemptStep> attempt = List.of(
                new PrepareAttempt(p.mapper()),
                new CallUpstream(p.transport(), p.watchdog(), p.mapper(), p.replies().bodies(), p.errorClassifier()));
        return new Pipeline(List.of(
                new AuthStep(p.authenticator(), p.replies()),
                new RequestShapeStep(p.replies()),
                new SelectProviderStep(p.selector(), p.replies()),
                new FailoverStep(attempt, p.failover(), p.breakers(), p.pause(), p.replies(),
                        new UpstreamErrors(p.replies(), p.mapper()))));
    }
}
