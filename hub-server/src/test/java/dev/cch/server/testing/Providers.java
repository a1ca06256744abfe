package dev.cch.server.testing;

import dev.cch.protocol.ProviderType;
import dev.cch.protocol.admin.BreakerSettings;
import dev.cch.protocol.admin.Limits;
import dev.cch.protocol.admin.ModelRule;
import dev.cch.protocol.admin.Timeouts;
import dev.cch.server.providers.ActiveWindow;
import dev.cch.server.providers.ModelRules;
import dev.cch.server.providers.Provider;
import dev.cch.server.providers.Secret;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds providers for unit tests. */
public final class Providers {
    private Providers() {
    }

    public static Provider claude(long id, int weight, int priority) {
        return provider(id, ProviderType.CLAUDE, weight, priority, List.of("default"), Map.of(), List.of(), null);
    }

    public static Provider provider(long id, ProviderType type, int weight, int priority, List<String> groups,
                                    Map<String, Integer> groupPriorities, List<ModelRule> allowed, ActiveWindow window) {
        return new Provider(id, "p" + id, type, "http://127.0.0.1:1", new Secret("s"), true, weight, priority, groups,
                groupPriorities, BigDecimal.ONE, new ModelRules(allowed, List.of()), Optional.empty(), false, Map.of(),
                Limits.NONE, null, null, BreakerSettings.DEFAULT, Timeouts.DEFAULT, Optional.ofNullable(window), false,
                null, null);
    }
}
