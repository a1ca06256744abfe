package dev.cch.server.routing;

import dev.cch.server.pipeline.ErrorKind;

/** Attempt step: a provider whose breaker opened (perhaps during this very request) is not tried. */
public final class BreakerGate implements AttemptStep {
    private final Breakers breakers;

    public BreakerGate(Breakers breakers) {
        this.breakers = breakers;
    }

    @Override
    public AttemptResult handle(Attempt a, Next next) {
        if (!breakers.allows(a.provider())) {
            return AttemptResult.Failure.of(ErrorKind.BREAKER_OPEN, "breaker open: " + breakers.describe(a.provider()));
        }
        return next.proceed(a);
    }
}
