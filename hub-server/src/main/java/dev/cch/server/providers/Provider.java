package dev.cch.server.providers;

import dev.cch.protocol.ProviderType;
import dev.cch.protocol.admin.BreakerSettings;
import dev.cch.protocol.admin.Limits;
import dev.cch.protocol.admin.Timeouts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A provider as routing uses it: decrypted secret (hidden from toString), compiled rules. Immutable. */
public record Provider(long id, String name, ProviderType type, String baseUrl, Secret secret, boolean enabled,
                       int weight, int priority, List<String> groupTags, Map<String, Integer> groupPriorities,
                       BigDecimal costMultiplier, ModelRules models, Optional<ProxySpec> proxy,
                       boolean proxyFallbackToDirect, Map<String, String> customHeaders, Limits limits,
                       Integer maxRetryAttempts, Integer maxSwitches, BreakerSettings breaker, Timeouts timeouts,
                       Optional<ActiveWindow> activeWindow, boolean disableSessionReuse, Instant totalCostResetAt,
                       Instant updatedAt) {

    /** The priority this provider has for a caller in one of {@code groups}: the lowest override, else its own. */
    public int priorityFor(List<String> groups) {
        int best = Integer.MAX_VALUE;
        for (String g : groups) {
            Integer p = groupPriorities.get(g);
            if (p != null && p < best) {
                best = p;
            }
        }
        return best == Integer.MAX_VALUE ? priority : best;
    }

    @Override
    public String toString() {
        return "Provider[" + id + " " + name + " " + type.wireName() + " " + baseUrl + "]";
    }
}
