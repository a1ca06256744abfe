package dev.cch.protocol.admin;

import java.math.BigDecimal;
import java.time.Instant;

/** A provider group as the admin API shows it. */
public record ProviderGroupView(long id, String name, BigDecimal costMultiplier, String description, Instant createdAt,
                                Instant updatedAt) {
}
