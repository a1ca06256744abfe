package dev.cch.protocol.admin;

import java.time.Instant;

/** A hub API key as the admin API shows it: never the secret, only its first characters. */
public record KeyView(long id, long userId, String name, String prefix, String providerGroup, Limits limits,
                      boolean enabled, Instant expiresAt, Instant lastUsedAt, Instant costResetAt,
                      Instant createdAt, Instant updatedAt) {
}
