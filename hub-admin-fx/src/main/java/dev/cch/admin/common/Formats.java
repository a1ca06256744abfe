package dev.cch.admin.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How numbers, money, durations and moments read in the control panel. Pure functions. */
public final class Formats {
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private Formats() {
    }

    public static String usd(BigDecimal v) {
        if (v == null) {
            return "—";
        }
        int scale = v.abs().compareTo(BigDecimal.ONE) >= 0 || v.signum() == 0 ? 2 : 4;
        return "$" + String.format(Locale.ROOT, "%,." + scale + "f", v.setScale(scale, RoundingMode.HALF_UP));
    }

    /** 950, 12.3k, 4.56M, 7.8B: token counts at a glance. */
    public static String count(long n) {
        if (n < 1_000) {
            return Long.toString(n);
        }
        if (n < 1_000_000) {
            return String.format(Locale.ROOT, "%.1fk", n / 1_000.0);
        }
        if (n < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.2fM", n / 1_000_000.0);
        }
        return String.format(Locale.ROOT, "%.2fB", n / 1_000_000_000.0);
    }

    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    public static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%.1f", perSecond);
    }

    public static String millis(Double ms) {
        if (ms == null) {
            return "—";
        }
        return ms >= 10_000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000) : String.format(Locale.ROOT, "%.0f ms", ms);
    }

    public static String millis(Integer ms) {
        return ms == null ? "—" : millis(ms.doubleValue());
    }

    public static String moment(Instant at) {
        return at == null ? "—" : MOMENT.format(at);
    }

    public static String day(Instant at) {
        return at == null ? "—" : DAY.format(at);
    }

    /** "03-02 10:15:30": a moment in a narrow column. */
    public static String shortMoment(Instant at) {
        return at == null ? "—" : SHORT.format(at);
    }

    public static String clock(Instant at) {
        return at == null ? "—" : CLOCK.format(at);
    }

    /** "in 3h 12m", "in 45s", "now": how long until {@code at}. */
    public static String until(Instant at, Instant now) {
        if (at == null) {
            return "";
        }
        Duration d = Duration.between(now, at);
        if (d.isNegative() || d.isZero()) {
            return "now";
        }
        return "in " + span(d);
    }

    /** "3d 4h", "2h 5m", "4m 10s", "12s". */
    public static String span(Duration d) {
        long s = d.toSeconds();
        if (s >= 86_400) {
            return s / 86_400 + "d " + s % 86_400 / 3600 + "h";
        }
        if (s >= 3600) {
            return s / 3600 + "h " + s % 3600 / 60 + "m";
        }
        if (s >= 60) {
            return s / 60 + "m " + s % 60 + "s";
        }
        return s + "s";
    }

    public static String orDash(Object o) {
        return o == null || o.toString().isBlank() ? "—" : o.toString();
    }
}
