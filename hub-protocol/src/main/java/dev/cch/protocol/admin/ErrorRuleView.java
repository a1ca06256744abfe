package dev.cch.protocol.admin;

import dev.cch.protocol.match.MatchType;

import java.time.Instant;

/** An error rule as the admin API shows it. */
public record ErrorRuleView(long id, String pattern, MatchType matchType, String category, String description,
                            Integer overrideStatus, String overrideBody, boolean enabled, boolean isDefault,
                            int priority, Instant createdAt, Instant updatedAt) {
}
