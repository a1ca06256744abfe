package dev.cch.protocol.admin;

import dev.cch.protocol.match.MatchType;
import dev.cch.protocol.match.SafeRegex;

import java.util.List;

/**
 * Create or replace an error rule: when an upstream error body matches {@code pattern}, the error goes straight back
 * to the client (no failover), with {@code overrideStatus} / {@code overrideBody} if set.
 */
public record ErrorRuleRequest(String pattern, MatchType matchType, String category, String description,
                               Integer overrideStatus, String overrideBody, Boolean enabled, Integer priority) {
    public ErrorRuleRequest {
        matchType = matchType == null ? MatchType.CONTAINS : matchType;
        category = category == null || category.isBlank() ? "custom" : category.trim();
        description = description == null ? "" : description;
        enabled = enabled == null ? Boolean.TRUE : enabled;
        priority = priority == null ? 0 : priority;
    }

    public List<FieldError> validate() {
        Validation v = new Validation().require("pattern", pattern).maxLength("pattern", pattern, SafeRegex.MAX_PATTERN_LENGTH)
                .check(matchType != MatchType.PREFIX && matchType != MatchType.SUFFIX, "matchType",
                        "must be contains, exact or regex")
                .range("overrideStatus", overrideStatus, 400, 599)
                .maxLength("overrideBody", overrideBody, 65536);
        if (matchType == MatchType.REGEX && pattern != null && !pattern.isBlank()) {
            SafeRegex.problem(pattern).ifPresent(p -> v.add("pattern", p));
        }
        return v.errors();
    }
}
