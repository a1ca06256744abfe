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

    public SpendCalendar(Supplier<ZoneId> zone) {
        this.zone = zone;
    }

    public List<Window> windows(Subject s, Limits limits, long nowMs) {
        ZonedDateTime now = Instant.ofEpochMilli(nowMs).atZone(zone.get());
        String base = "spend:" + s.tag() + ":";
        List<Window> out = new ArrayList<>(5);
        if (limits.reset5h() == ResetMode.FIXED) {
            out.add(new Window(LimitKind.USD_5H, base + "5hf", Window.Mode.FROM_FIRST, nano(limits.usd5h()), FIVE_HOURS, 0, 0, 0));
        } else {
            out.add(new Window(LimitKind.USD_5H, base + "5hr", Window.Mode.ROLLING, nano(limits.usd5h()), FIVE_HOURS, MINUTE, 0, 0));
        }
        if (limits.dailyReset() == ResetMode.ROLLING) {
            out.add(new Window(LimitKind.USD_DAILY, base + "dr", Window.Mode.ROLLING, nano(limits.usdDaily()), DAY, 5 * MINUTE, 0, 0));
        } else {
            LocalTime at = LocalTime.parse(limits.dailyResetTime());
            ZonedDateTime start = now.toLocalDate().atTime(at).atZone(zone.get());
            if (start.isAfter(now)) {
                start = start.minusDays(1);
            }
            out.add(calendar(LimitKind.USD_DAILY, base + "d:" + ID.format(start), limits.usdDaily(), start.plusDays(1)));
        }
        LocalDate monday = now.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        ZonedDateTime week = monday.atStartOfDay(zone.get());
        out.add(calendar(LimitKind.USD_WEEKLY, base + "w:" + ID.format(week), limits.usdWeekly(), week.plusWeeks(1)));
        ZonedDateTime month = now.toLocalDate().withDayOfMonth(1).atStartOfDay(zone.get());
        out.add(calendar(LimitKind.USD_MONTHLY, base + "m:" + ID.format(month), limits.usdMonthly(), month.plusMonths(1)));
        out.add(new Window(LimitKind.USD_TOTAL, base + "t", Window.Mode.CALENDAR, nano(limits.usdTotal()), 0, 0, 0, 0));
        return out;
    }

    private static Window calendar(LimitKind kind, String key, java.math.BigDecimal limit, ZonedDateTime end) {
        long endMs = end.toInstant().toEpochMilli();
        return new Window(kind, key, Window.Mode.CALENDAR, nano(limit), 0, 0, endMs + SLACK, endMs);
    }

    private static long nano(java.math.BigDecimal usd) {
        return usd == null ? 0 : Money.toNano(usd);
    }
}
