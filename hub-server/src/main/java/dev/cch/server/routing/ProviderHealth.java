package dev.cch.server.routing;

import dev.cch.server.providers.Provider;

/** Whether a provider may take traffic right now, as far as breakers and its own limits are concerned. */
@FunctionalInterface
public interface ProviderHealth {
    /** Null if the provider is available; otherwise a short reason (e.g. "breaker open"). */
    String unavailableReason(Provider provider);

    ProviderHealth ALWAYS = p -> null;
}
