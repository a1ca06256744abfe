package dev.cch.admin.common;

import dev.cch.protocol.admin.UsageView;

import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One usage gauge: a limit's name, how full it is (0..1, or -1 when no limit is set), the figures, and when it
 * frees up. Built from a {@link UsageView}.
 */
public record Gauge(String name, double fraction, String figures, String resets) {
    private static final Map<String, String> NAMES = Map.of("usd_5h", "5 hours", "usd_daily", "Today",
            "usd_weekly", "This week", "usd_monthly", "This month", "usd_total", "Total");

    public static List<Gauge> of(UsageView u, Instant now) {
        List<Gauge> all = new ArrayList<>();
        for (UsageView.Window w : u.windows()) {
            double f = w.limit() == null || w.limit().signum() == 0 ? -1
                    : w.used().divide(w.limit(), MathContext.DECIMAL64).doubleValue();
            String figures = Formats.usd(w.used()) + (w.limit() == null ? " (no limit)" : " of " + Formats.usd(w.limit()));
            String resets = w.resetsAt() == null ? "" : ("rolling".equals(w.mode()) ? "frees up " : "resets ")
                    + Formats.until(w.resetsAt(), now);
            all.add(new Gauge(NAMES.getOrDefault(w.kind(), w.kind()), f, figures, resets));
        }
        if (u.rpm() != null) {
            all.add(counter("Requests / minute", u.rpm(), "sliding 60 s"));
        }
        if (u.concurrentSessions() != null) {
            all.add(counter("Concurrent sessions", u.concurrentSessions(), ""));
        }
        return all;
    }

    private static Gauge counter(String name, UsageView.Counter c, String resets) {
        double f = c.limit() == null || c.limit() == 0 ? -1 : (double) c.used() / c.limit();
        return new Gauge(name, f, c.used() + (c.limit() == null ? " (no limit)" : " of " + c.limit()), resets);
    }

    /** For the colour: past 90 % is critical, past 70 % a warning. */
    public String level() {
        return fraction >= 0.9 ? "danger" : fraction >= 0.7 ? "warning" : "success";
    }
}
