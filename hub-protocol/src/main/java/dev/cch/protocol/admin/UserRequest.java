package dev.cch.protocol.admin;

import java.time.Instant;
import java.util.List;

/** Create or replace a user. */
public record UserRequest(String name, String description, Role role, String providerGroup, List<String> tags,
                          Limits limits, List<String> allowedModels, List<String> allowedClients,
                          List<String> blockedClients, Boolean enabled, Instant expiresAt) {
    public UserRequest {
        name = name == null ? null : name.trim();
        description = description == null ? "" : description;
        role = role == null ? Role.USER : role;
        providerGroup = providerGroup == null || providerGroup.isBlank() ? "default" : providerGroup.trim();
        tags = tags == null ? List.of() : List.copyOf(tags);
        limits = Limits.orNone(limits);
        allowedModels = allowedModels == null ? List.of() : List.copyOf(allowedModels);
        allowedClients = allowedClients == null ? List.of() : List.copyOf(allowedClients);
        blockedClients = blockedClients == null ? List.of() : List.copyOf(blockedClients);
        enabled = enabled == null ? Boolean.TRUE : enabled;
    }

    public static UserRequest named(String name) {
        return new UserRequest(name, null, null, null, null, null, null, null, null, null, null);
    }

    public List<FieldError> validate() {
        Validation v = new Validation()
                .require("name", name)
                .singleLine("name", name, 100)
                .maxLength("description", description, 2000)
                .singleLine("providerGroup", providerGroup, 200)
                .instant("expiresAt", expiresAt);
        return v.merge(limits.validate(v.nested("limits"))).errors();
    }
}
