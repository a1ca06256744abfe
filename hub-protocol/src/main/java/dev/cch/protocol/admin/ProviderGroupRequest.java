package dev.cch.protocol.admin;

import java.math.BigDecimal;
import java.util.List;

/** Create or replace a provider group and its cost multiplier (applied to requests billed in this group). */
public record ProviderGroupRequest(String name, BigDecimal costMultiplier, String description) {
    public ProviderGroupRequest {
        name = name == null ? null : name.trim();
        costMultiplier = costMultiplier == null ? BigDecimal.ONE : costMultiplier;
        description = description == null ? "" : description;
    }

    public List<FieldError> validate() {
        return new Validation().require("name", name).singleLine("name", name, 100)
                .check(name == null || !name.contains(",") && !name.equals("*"), "name", "must not contain ',' or be '*'")
                .nonNegative("costMultiplier", costMultiplier).errors();
    }
}
