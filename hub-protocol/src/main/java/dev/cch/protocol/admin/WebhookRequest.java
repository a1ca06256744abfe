package dev.cch.protocol.admin;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * Create or replace a notification target. {@code kind}: {@code json} (generic JSON POST), {@code dingtalk}
 * (signed with {@code secret}), {@code feishu}, {@code wecom}, {@code telegram} ({@code secret} is the bot token,
 * {@code chatId} the chat). {@code events}: {@code breaker_open}, {@code spend_alert} (at {@code spendThreshold} of
 * a limit, 0..1), {@code daily_leaderboard} (at {@code dailyAt}, HH:mm in the hub's zone).
 */
public record WebhookRequest(String name, String kind, String url, String secret, String chatId, List<String> events,
                             BigDecimal spendThreshold, String dailyAt, Boolean enabled) {
    public static final Set<String> KINDS = Set.of("json", "dingtalk", "feishu", "wecom", "telegram");
    public static final Set<String> EVENTS = Set.of("breaker_open", "spend_alert", "daily_leaderboard");

    public WebhookRequest {
        name = name == null ? null : name.trim();
        events = events == null ? List.of() : List.copyOf(events);
        spendThreshold = spendThreshold == null ? new BigDecimal("0.8") : spendThreshold;
        dailyAt = dailyAt == null || dailyAt.isBlank() ? "09:00" : dailyAt.trim();
        enabled = enabled == null ? Boolean.TRUE : enabled;
    }

    public List<FieldError> validate() {
        Validation v = new Validation().require("name", name).singleLine("name", name, 100).require("kind", kind)
                .check(kind == null || KINDS.contains(kind), "kind", "must be one of " + String.join(", ", KINDS.stream().sorted().toList()))
                .timeOfDay("dailyAt", dailyAt)
                .check(spendThreshold.signum() > 0 && spendThreshold.compareTo(BigDecimal.ONE) <= 0, "spendThreshold",
                        "must be above 0 and at most 1");
        if (!"telegram".equals(kind)) {
            v.require("url", url);
            if (url != null && !url.isBlank()) {
                try {
                    URI u = URI.create(url);
                    v.check("http".equals(u.getScheme()) || "https".equals(u.getScheme()), "url", "must be an http(s) URL");
                } catch (IllegalArgumentException e) {
                    v.add("url", "is not a valid URL");
                }
            }
        } else {
            v.require("secret", secret).require("chatId", chatId);
        }
        for (int i = 0; i < events.size(); i++) {
            v.check(EVENTS.contains(events.get(i)), "events[" + i + "]", "must be one of " + String.join(", ", EVENTS.stream().sorted().toList()));
        }
        return v.errors();
    }
}
