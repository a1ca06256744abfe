package dev.cch.server.notify;

import dev.cch.server.providers.Secret;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;

/**
 * A notification target as delivery needs it, with its secret decrypted (DingTalk / Feishu signing secret or
 * Telegram bot token; empty when none is set).
 */
public record Target(long id, String name, String kind, String url, Secret secret, String chatId, List<String> events,
                     BigDecimal spendThreshold, LocalTime dailyAt, boolean enabled) {

    public Target {
        events = List.copyOf(events);
    }

    public boolean wants(String event) {
        return enabled && events.contains(event);
    }

    public boolean hasSecret() {
        return !secret.reveal().isEmpty();
    }
}
