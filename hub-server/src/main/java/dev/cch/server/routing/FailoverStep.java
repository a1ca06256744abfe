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

/**
 * Pipeline step: try the planned providers in order until one answers. Network failures get another attempt on
 * the same provider; other retryable failures switch provider (up to the policy's limit); client errors go back
 * as they are; a client that went away stops everything. Each attempt runs the attempt steps and is recorded in
 * the decision chain.
 */
public final class FailoverStep implements Step {
    private final List<AttemptStep> attemptSteps;
    private final FailoverPolicy policy;
    private final Breakers breakers;
    private final Pause pause;
    private final Replies replies;
    private final UpstreamErrors upstreamErrors;

    /** Waits between attempts; tests pass one that returns at once. */
    @FunctionalInterface
    public interface Pause {
        void pause(java.time.Duration d);
    }

    public FailoverStep(List<AttemptStep> attemptSteps, FailoverPolicy policy, Breakers breakers, Pause pause,
                        Replies replies, UpstreamErrors upstreamErrors) {
        this.attemptSteps = List.copyOf(attemptSteps);
        this.policy = policy;
        this.breakers = breakers;
        this.pause = pause;
        this.replies = replies;
        this.upstreamErrors = upstreamErrors;
    }

    @Override
    public ProxyReply handle(Exchange ex, Chain chain) {
        AttemptResult.Failure last = null;
        Provider lastProvider = null;
        int providersTried = 0;
        int switchesAllowed = policy.maxSwitches();
        for (Provider provider : ex.plan()) {
            if (providersTried > switchesAllowed) {
                break;
            }
            providersTried++;
            int attempts = policy.attemptsFor(provider);
            for (int i = 1; i <= attempts; i++) {
                if (last != null) {
                    pause.pause(policy.delay());
                }
                Attempt attempt = new Attempt(ex, provider, ex.nextAttempt());
                long t0 = System.nanoTime();
                AttemptResult result = run(attempt, 0);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (result instanceof AttemptResult.Success s) {
                    ex.chain().attempt(attempt.number(), provider.id(), provider.name(), attempt.upstreamModel(),
                            s.reply().status(), null, ms, breakers.describe(provider), null);
                    ex.servedBy(provider, attempt.upstreamModel());
                    ex.succeeded(s.reply().status());
                    return s.reply();
                }
                AttemptResult.Failure f = (AttemptResult.Failure) result;
                last = f;
                lastProvider = provider;
                if (f.kind().countsForBreaker() && (i == attempts || !f.kind().retrySameProvider())) {
                    breakers.recordFailure(provider, f.kind());
                }
                ex.chain().attempt(attempt.number(), provider.id(), provider.name(), attempt.upstreamModel(),
                        f.status(), f.kind(), ms, breakers.describe(provider), f.message());
                if (f.kind().next() != ErrorKind.Next.MOVE_ON) {
                    ex.servedBy(provider, attempt.upstreamModel());
                    return finalFailure(ex, f);
                }
                if (!f.kind().retrySameProvider()) {
                    break;
                }
            }
            switchesAllowed = Math.min(switchesAllowed, providersTried - 1 + policy.switchesAfter(provider));
        }
        if (last == null) {
            HubError e = HubError.of(ErrorType.UNAVAILABLE, "no_available_providers", "no provider could be tried");
            return replies.error(ex, e, ErrorKind.BREAKER_OPEN);
        }
        ex.servedBy(lastProvider, ex.upstreamModel());
        return finalFailure(ex, last);
    }

    private AttemptResult run(Attempt attempt, int index) {
        if (index >= attemptSteps.size()) {
            throw new IllegalStateException("attempt steps ended without a call");
        }
        return attemptSteps.get(index).handle(attempt, a -> run(a, index + 1));
    }

    private ProxyReply finalFailure(Exchange ex, AttemptResult.Failure f) {
        ex.chain().outcome(f.status() != null && f.kind().next() == ErrorKind.Next.RETURN ? f.status() : f.kind().clientStatus(),
                f.kind(), f.message());
        if (f.kind().next() == ErrorKind.Next.RETURN && f.errorBody() != null) {
            return upstreamErrors.passBack(ex, f);
        }
        int status = f.kind().clientStatus();
        ErrorType type = ErrorType.forStatus(status);
        String message = f.kind() == ErrorKind.UNCONVERTIBLE ? f.message() : ex.attempts() > 1
                ? "all upstream attempts failed (" + ex.attempts() + " tries); last error: " + f.message()
                : "upstream failed: " + f.message();
        return replies.error(ex, new HubError(status, type, message, f.kind().name().toLowerCase(), java.util.Map.of()), f.kind());
    }
}
