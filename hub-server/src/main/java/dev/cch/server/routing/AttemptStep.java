package dev.cch.server.routing;

/** One job inside an attempt (breaker gate, conversion, model redirect, headers, the call itself). */
@FunctionalInterface
public interface AttemptStep {
    AttemptResult handle(Attempt attempt, Next next);

    /** The rest of the attempt. */
    @FunctionalInterface
    interface Next {
        AttemptResult proceed(Attempt attempt);
    }
}
