package dev.cch.server.stats;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.function.Supplier;

/** Calendar periods in the hub's time zone: today, yesterday, this week (from Monday), this month, last N days. */
public final class Periods {
    private final Clock clock;
    private final Supplier<ZoneId> zone;

    /** A half-open interval [from, to). */
    public record Span(Instant from, Instant to) {
    }

    public Periods(Clock clock, Supplier<ZoneId> zone) {
        this.clock = clock;
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone.get();
    }

    public Span today() {
        ZonedDateTime start = startOfDay();
        return new Span(start.toInstant(), start.plusDays(1).toInstant());
    }

    public Span yesterday() {
        ZonedDateTime start = startOfDay();
        return new Span(start.minusDays(1).toInstant(), start.toInstant());
    }

    public Span week() {
        ZonedDateTime start = startOfDay().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new Span(start.toInstant(), start.plusWeeks(1).toInstant());
    }

    public Span month() {
        ZonedDateTime start = startOfDay().withDayOfMonth(1);
        return new Span(start.toInstant(), start.plusMonths(1).toInstant());
    }

    /** The last {@code days} calendar days, today included. */
    public Span lastDays(int days) {
        ZonedDateTime start = startOfDay();
        return new Span(start.minusDays(days - 1L).toInstant(), start.plusDays(1).toInstant());
    }

    /** The calendar day of an instant in the hub's zone. */
    public java.time.LocalDate date(Instant i) {
        return i.atZone(zone.get()).toLocalDate();
    }

    /** Whether an instant is a midnight in the hub's zone. */
    public boolean isMidnight(Instant i) {
        ZonedDateTime z = i.atZone(zone.get());
        return z.toLocalTime().equals(java.time.LocalTime.MIDNIGHT);
    }

    public Instant now() {
        return clock.instant();
    }

    private ZonedDateTime startOfDay() {
        return clock.instant().atZone(zone.get()).toLocalDate().atStartOfDay(zone.get());
    }
}
