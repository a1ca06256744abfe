package dev.cch.protocol.admin;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Usage of a user, key or provider against each of its limits, for gauges. A null limit means none is set.
 *
 * @param subject  {@code user}, {@code key} or {@code provider}
 * @param windows  spend windows: usd_5h, usd_daily, usd_weekly, usd_monthly, usd_total
 */
public record UsageView(String subject, long id, List<Window> windows, Counter rpm, Counter concurrentSessions,
                        Instant since) {

    /** One spend window: USD used of its limit, and when it frees up (null for total). */
    public record Window(String kind, String mode, BigDecimal used, BigDecimal limit, Instant resetsAt) {
    }

    /** A counted limit (requests per minute, sessions) and its current value. */
    public record Counter(long used, Integer limit) {
    }
}
