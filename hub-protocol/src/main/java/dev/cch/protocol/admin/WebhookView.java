package dev.cch.protocol.admin;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A notification target; its secret is never shown (only whether one is set). */
public record WebhookView(long id, String name, String kind, String url, boolean hasSecret, String chatId,
                          List<String> events, BigDecimal spendThreshold, String dailyAt, boolean enabled,
                          Instant lastSentAt, String lastResult, Instant createdAt, Instant updatedAt) {
}
