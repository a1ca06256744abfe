package dev.cch.protocol.admin;

import java.time.Instant;
import java.util.List;

/** A user as the admin API shows it. */
public record UserView(long id, String name, String description, Role role, String providerGroup, List<String> tags,
                       Limits limits, List<String> allowedModels, List<String> allowedClients,
                       List<String> blockedClients, boolean enabled, Instant expiresAt, Instant costResetAt,
                       Instant createdAt, Instant updatedAt) {
}
