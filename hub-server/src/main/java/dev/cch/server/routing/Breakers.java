package dev.cch.server.routing;

import dev.cch.server.pipeline.ErrorKind;
import dev.cch.server.providers.Provider;

/** What failover needs from circuit breakers: may a provider be tried, and what happened when it was. */
public interface Breakers {
    /** True if the provider's breaker lets a request through (closed, or half-open). */
    boolean allows(Provider p);

    void recordFailure(Provider p, ErrorKind kind);

    void recordSuccess(Provider p);

    /** A short state for decision chains: closed, open, half-open (with counts). */
    String describe(Provider p);

    Breakers NONE = new Breakers() {
        @Override
        public boolean allows(Provider p) {
            return true;
        }

        @Override
        public void recordFailure(Provider p, ErrorKind kind) {
        }

        @Override
        public void recordSuccess(Provider p) {
        }

        @Override
        public String describe(Provider p) {
            return "closed";
        }
    };
}
