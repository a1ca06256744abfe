package dev.cch.admin.providers;

import dev.cch.admin.common.Formats;
import dev.cch.protocol.admin.BreakerView;
import dev.cch.protocol.admin.ProviderView;

import java.time.Instant;

/** A provider with its circuit breaker as the table shows it. */
public record ProviderRow(ProviderView provider, BreakerView breaker) {

    /** closed, open, half_open; "off" when the breaker is turned off, "unknown" before the first read. */
    public String state() {
        if (provider.breaker() != null && provider.breaker().failureThreshold() == 0) {
            return "off";
        }
        return breaker == null ? "unknown" : breaker.state();
    }

    public String stateText() {
        return switch (state()) {
            case "closed" -> "● closed";
            case "open" -> "● open";
            case "half_open" -> "● half-open";
            case "off" -> "○ off";
            default -> "—";
        };
    }

    public String failures() {
        return breaker == null ? "—" : breaker.failures() + " / " + breaker.failureThreshold();
    }

    public String reopens(Instant now) {
        return breaker == null || breaker.reopensAt() == null || !"open".equals(breaker.state()) ? ""
                : Formats.until(breaker.reopensAt(), now);
    }

    public ProviderRow withBreaker(BreakerView b) {
        return new ProviderRow(provider, b);
    }
}
