package dev.cch.protocol.admin;

import dev.cch.protocol.ProviderType;
import dev.cch.protocol.match.MatchType;
import dev.cch.protocol.match.SafeRegex;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Create or replace a provider. {@code secret} and {@code proxyUrl} are write-only: on replace, a null secret keeps
 * the stored one, and a proxy URL equal to the redacted form shown by {@link ProviderView} keeps the stored one.
 */
public record ProviderRequest(String name, String description, String type, String baseUrl, String secret,
                              Boolean enabled, Integer weight, Integer priority, List<String> groupTags,
                              Map<String, Integer> groupPriorities, BigDecimal costMultiplier,
                              List<ModelRule> allowedModels, List<ModelRedirect> modelRedirects,
                              String proxyUrl, Boolean proxyFallbackToDirect, Map<String, String> customHeaders,
                              Limits limits, Integer maxRetryAttempts, Integer maxSwitches,
                              BreakerSettings breaker, Timeouts timeouts,
                              String activeTimeStart, String activeTimeEnd, Boolean disableSessionReuse) {

    /** Headers a provider may not set: the hub owns auth, framing and hop-by-hop headers. */
    public static final Set<String> RESERVED_HEADERS = Set.of("host", "content-length", "transfer-encoding",
            "connection", "keep-alive", "upgrade", "te", "trailer", "proxy-authorization", "proxy-connection",
            "authorization", "x-api-key", "x-goog-api-key", "content-encoding");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    public ProviderRequest {
        name = name == null ? null : name.trim();
        description = description == null ? "" : description;
        type = type == null ? null : type.trim().toLowerCase(Locale.ROOT);
        baseUrl = baseUrl == null ? null : baseUrl.trim();
        enabled = enabled == null ? Boolean.TRUE : enabled;
        weight = weight == null ? 1 : weight;
        priority = priority == null ? 0 : priority;
        groupTags = groupTags == null || groupTags.isEmpty() ? List.of("default")
                : groupTags.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        groupPriorities = groupPriorities == null ? Map.of() : Map.copyOf(groupPriorities);
        costMultiplier = costMultiplier == null ? BigDecimal.ONE : costMultiplier;
        allowedModels = allowedModels == null ? List.of() : List.copyOf(allowedModels);
        modelRedirects = modelRedirects == null ? List.of() : List.copyOf(modelRedirects);
        proxyUrl = proxyUrl == null || proxyUrl.isBlank() ? null : proxyUrl.trim();
        proxyFallbackToDirect = proxyFallbackToDirect != null && proxyFallbackToDirect;
        customHeaders = customHeaders == null ? Map.of() : Map.copyOf(customHeaders);
        limits = Limits.orNone(limits);
        breaker = breaker == null ? BreakerSettings.DEFAULT : breaker;
        timeouts = timeouts == null ? Timeouts.DEFAULT : timeouts;
        activeTimeStart = activeTimeStart == null || activeTimeStart.isBlank() ? null : activeTimeStart.trim();
        activeTimeEnd = activeTimeEnd == null || activeTimeEnd.isBlank() ? null : activeTimeEnd.trim();
        disableSessionReuse = disableSessionReuse != null && disableSessionReuse;
    }

    /** The smallest valid provider: everything else takes its default. */
    public static ProviderRequest of(String name, String type, String baseUrl, String secret) {
        return new ProviderRequest(name, null, type, baseUrl, secret, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null);
    }

    public List<FieldError> validate() {
        Validation v = new Validation()
                .require("name", name)
                .singleLine("name", name, 100)
                .require("type", type)
                .require("baseUrl", baseUrl)
                .maxLength("secret", secret, 1 << 20)
                .range("weight", weight, 0, 100)
                .range("priority", priority, -1000, 1000)
                .nonNegative("costMultiplier", costMultiplier)
                .range("maxRetryAttempts", maxRetryAttempts, 1, 10)
                .range("maxSwitches", maxSwitches, 0, 20)
                .timeOfDay("activeTimeStart", activeTimeStart)
                .timeOfDay("activeTimeEnd", activeTimeEnd)
                .check((activeTimeStart == null) == (activeTimeEnd == null), "activeTimeEnd",
                        "set both ends of the active window or neither");
        if (type != null) {
            try {
                ProviderType.fromWireName(type);
            } catch (IllegalArgumentException e) {
                v.add("type", "must be one of claude, claude-auth, codex, openai-compatible, gemini, gemini-cli");
            }
        }
        if (baseUrl != null && !baseUrl.isBlank()) {
            checkUrl(v, "baseUrl", baseUrl, Set.of("http", "https"));
        }
        // "****" alone is how an unreadable stored proxy URL is shown; sent back, it keeps that URL
        if (proxyUrl != null && !proxyUrl.equals("****")) {
            checkUrl(v, "proxyUrl", proxyUrl, Set.of("http", "https", "socks5", "socks5h"));
        }
        for (int i = 0; i < groupTags.size(); i++) {
            v.singleLine("groupTags[" + i + "]", groupTags.get(i), 100);
        }
        groupPriorities.forEach((g, p) -> v.check(p != null && p >= -1000 && p <= 1000, "groupPriorities." + g,
                "must be between -1000 and 1000"));
        for (int i = 0; i < allowedModels.size(); i++) {
            ModelRule r = allowedModels.get(i);
            checkPattern(v, "allowedModels[" + i + "].pattern", r == null ? null : r.match(), r == null ? null : r.pattern());
        }
        for (int i = 0; i < modelRedirects.size(); i++) {
            ModelRedirect r = modelRedirects.get(i);
            checkPattern(v, "modelRedirects[" + i + "].source", r == null ? null : r.match(), r == null ? null : r.source());
            v.require("modelRedirects[" + i + "].target", r == null ? null : r.target());
        }
        customHeaders.forEach((k, val) -> {
            if (k == null || !HEADER_NAME.matcher(k).matches()) {
                v.add("customHeaders." + k, "is not a valid header name");
            } else if (RESERVED_HEADERS.contains(k.toLowerCase(Locale.ROOT))) {
                v.add("customHeaders." + k, "is set by the hub and cannot be overridden");
            }
            if (val == null || !val.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c <= 0x7e))) {
                v.add("customHeaders." + k, "value must be one line of visible ASCII");
            }
        });
        v.merge(limits.validate(v.nested("limits")));
        v.merge(breaker.validate(v.nested("breaker")));
        v.merge(timeouts.validate(v.nested("timeouts")));
        return v.errors();
    }

    private static void checkPattern(Validation v, String field, MatchType match, String pattern) {
        if (pattern == null || pattern.isBlank()) {
            v.add(field, "is required");
        } else if (match == MatchType.REGEX) {
            SafeRegex.problem(pattern).ifPresent(p -> v.add(field, p));
        }
    }

    private static void checkUrl(Validation v, String field, String url, Set<String> schemes) {
        try {
            URI u = URI.create(url);
            if (u.getScheme() == null || !schemes.contains(u.getScheme().toLowerCase(Locale.ROOT))) {
                v.add(field, "must start with " + String.join(", ", schemes.stream().sorted().map(s -> s + "://").toList()));
            } else if (u.getHost() == null) {
                v.add(field, "must name a host");
            }
        } catch (IllegalArgumentException e) {
            v.add(field, "is not a valid URL");
        }
    }
}
