package dev.cch.server.limits;

import dev.cch.protocol.admin.Limits;
import dev.cch.protocol.admin.ResetMode;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Turns a subject's limits into the spend windows that apply at an instant, in the hub's time zone: 5 hours
 * (rolling, or fixed from the first spend), daily (fixed at a reset time, or rolling 24 h), weekly (from Monday
 * 00:00), monthly (from the 1st) and total (since the last reset). Every window is produced even without a limit,
 * so usage is always known for gauges.
 */
public final class SpendCalendar {
    static final long FIVE_HOURS = Duration.ofHours(5).toMillis();
    static final long DAY = Duration.ofDays(1).toMillis();
    static final long MINUTE = 60_000;
    private static final long SLACK = Duration.ofDays(2).toMillis();
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMddHHmm");

    private final Supplier<ZoneId> zone;
    private final Map<String, Boundaries> current = new ConcurrentHashMap<>();

    public SpendCalendar(Supplier<ZoneId> zone) {
        this.zone = zone;
    }

    public List<Window> windows(Subject s, Limits limits, long nowMs) {
        String base = "spend:" + s.tag() + ":";
        List<Window> out = new ArrayList<>(5);
        if (limits.reset5h() == ResetMode.FIXED) {
            out.add(new Window(LimitKind.USD_5H, base + "5hf", Window.Mode.FROM_FIRST, nano(limits.usd5h()), FIVE_HOURS, 0, 0, 0));
        } else {
            out.add(new Window(LimitKind.USD_5H, base + "5hr", Window.Mode.ROLLING, nano(limits.usd5h()), FIVE_HOURS, MINUTE, 0, 0));
        }
        boolean rollingDay = limits.dailyReset() == ResetMode.ROLLING;
        Boundaries b = boundaries(rollingDay ? null : limits.dailyResetTime(), nowMs);
        if (rollingDay) {
            out.add(new Window(LimitKind.USD_DAILY, base + "dr", Window.Mode.ROLLING, nano(limits.usdDaily()), DAY, 5 * MINUTE, 0, 0));
        } else {
            out.add(calendar(LimitKind.USD_DAILY, base + "d:" + b.day(), limits.usdDaily(), b.dayEnd()));
        }
        out.add(calendar(LimitKind.USD_WEEKLY, base + "w:" + b.week(), limits.usdWeekly(), b.weekEnd()));
        out.add(calendar(LimitKind.USD_MONTHLY, base + "m:" + b.month(), limits.usdMonthly(), b.monthEnd()));
        out.add(new Window(LimitKind.USD_TOTAL, base + "t", Window.Mode.CALENDAR, nano(limits.usdTotal()), 0, 0, 0, 0));
        return out;
    }

    /**
     * The current day, week and month in the hub's zone: ids and end instants. They change a few times a month, so
     * they are kept until the first of them ends instead of being recomputed with java.time on every request.
     */
    private Boundaries boundaries(String dailyResetTime, long nowMs) {
        ZoneId z = zone.get();
        String key = z.getId() + "|" + dailyResetTime;
        Boundaries b = current.get(key);
        if (b != null && nowMs >= b.from() && nowMs < b.until()) {
            return b;
        }
        b = compute(z, dailyResetTime, nowMs);
        if (current.size() > 256) {
            current.clear(); // reset times are per user: a handful in practice
        }
        current.put(key, b);
        return b;
    }

    private static Boundaries compute(ZoneId z, String dailyResetTime, long nowMs) {
        ZonedDateTime now = Instant.ofEpochMilli(nowMs).atZone(z);
        LocalDate monday = now.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        ZonedDateTime week = monday.atStartOfDay(z);
        ZonedDateTime month = now.toLocalDate().withDayOfMonth(1).atStartOfDay(z);
        long from = Math.max(week.toInstant().toEpochMilli(), month.toInstant().toEpochMilli());
        long until = Math.min(millis(week.plusWeeks(1)), millis(month.plusMonths(1)));
        String dayId = null;
        long dayEnd = 0;
        if (dailyResetTime != null) {
            ZonedDateTime start = now.toLocalDate().atTime(LocalTime.parse(dailyResetTime)).atZone(z);
            if (start.isAfter(now)) {
                start = start.minusDays(1);
            }
            dayId = ID.format(start);
            dayEnd = millis(start.plusDays(1));
            from = Math.max(from, millis(start));
            until = Math.min(until, dayEnd);
        }
        return new Boundaries(from, until, dayId, dayEnd, ID.format(week), millis(week.plusWeeks(1)), ID.format(month),
                millis(month.plusMonths(1)));
    }

    private static long millis(ZonedDateTime t) {
        return t.toInstant().toEpochMilli();
    }

    /** Calendar periods valid for instants in [from, until). */
    private record Boundaries(long from, long until, String day, long dayEnd, String week, long weekEnd, String month,
                              long monthEnd) {
    }

    private static Window calendar(LimitKind kind, String key, java.math.BigDecimal limit, long endMs) {
        return new Window(kind, key, Window.Mode.CALENDAR, nano(limit), 0, 0, endMs + SLACK, endMs);
    }

    private static long nano(java.math.BigDecimal usd) {
        return usd == null ? 0 : Money.toNano(usd);
    }
}
