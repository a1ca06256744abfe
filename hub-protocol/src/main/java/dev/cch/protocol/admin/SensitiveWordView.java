package dev.cch.protocol.admin;

import dev.cch.protocol.match.MatchType;

import java.time.Instant;

/** A sensitive word as the admin API shows it. */
public record SensitiveWordView(long id, String word, MatchType matchType, String description, boolean enabled,
                                Instant createdAt, Instant updatedAt) {
}
