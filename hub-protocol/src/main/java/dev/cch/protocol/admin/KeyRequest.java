package dev.cch.protocol.admin;

import java.time.Instant;
import java.util.List;

/**
 * Create or replace a hub API key. {@code providerGroup} null means the user's group. Limits left null inherit
 * the user's where the hub does (concurrent sessions); otherwise they are simply not set on the key.
 */
public record KeyRequest(Long userId, String name, String providerGroup, Limits limits, Boolean enabled,
                         Instant expiresAt) {
    public KeyRequest {
        name = name == null ? null : name.trim();
        providerGroup = providerGroup == null || providerGroup.isBlank() ? null : providerGroup.trim();
        limits = Limits.orNone(limits);
        enabled = enabled == null ? Boolean.TRUE : enabled;
    }

    public static KeyRequest forUser(long userId, String name) {
        return new KeyRequest(userId, name, null, null, null, null);
    }

    public List<FieldError> validate() {
        Validation v = new Validation()
                .require("userId", userId)
                .require("name", name)
                .singleLine("name", name, 100)
                .singleLine("providerGroup", providerGroup, 200)
                .instant("expiresAt", expiresAt);
        return v.merge(limits.validate(v.nested("limits"))).errors();
    }
}
