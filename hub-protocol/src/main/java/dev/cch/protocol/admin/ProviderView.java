package dev.cch.protocol.admin;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A provider as the admin API shows it: the secret only as a hint (its last characters), the proxy URL with any
 * password replaced by {@code ****}.
 */
public record ProviderView(long id, String name, String description, String type, String baseUrl, String secretHint,
                           boolean enabled, int weight, int priority, List<String> groupTags,
                           Map<String, Integer> groupPriorities, BigDecimal costMultiplier,
                           List<ModelRule> allowedModels, List<ModelRedirect> modelRedirects,
                           String proxyUrl, boolean proxyFallbackToDirect, Map<String, String> customHeaders,
                           Limits limits, Integer maxRetryAttempts, Integer maxSwitches,
                           BreakerSettings breaker, Timeouts timeouts,
                           String activeTimeStart, String activeTimeEnd, boolean disableSessionReuse,
                           Instant totalCostResetAt, Instant createdAt, Instant updatedAt) {

    /** The request that would recreate this provider unchanged (secret kept). Used by editors. */
    public ProviderRequest toRequest() {
        return new ProviderRequest(name, description, type, baseUrl, null, enabled, weight, priority, groupTags,
                groupPriorities, costMultiplier, allowedModels, modelRedirects, proxyUrl, proxyFallbackToDirect,
                customHeaders, limits, maxRetryAttempts, maxSwitches, breaker, timeouts, activeTimeStart,
                activeTimeEnd, disableSessionReuse);
    }
}
