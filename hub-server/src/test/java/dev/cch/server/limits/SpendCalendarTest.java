package dev.cch.server.limits;

import dev.cch.protocol.admin.Limits;
import dev.cch.protocol.admin.ResetMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The calendar keeps the current day, week and month between requests; that must never change a window. */
class SpendCalendarTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Subject USER = Subject.user(7, 0);

    @ParameterizedTest
    @ValueSource(strings = {"00:00", "06:30", "02:30"})
    void keptBoundariesGiveTheSameWindowsAsFreshOnesAcrossDaysWeeksMonthsAndDaylightSaving(String resetTime) {
        Limits fixed = new Limits(null, BigDecimal.ONE, ResetMode.FIXED, new BigDecimal("5"), ResetMode.FIXED, resetTime,
                new BigDecimal("20"), new BigDecimal("50"), null, null);
        Limits rolling = new Limits(null, null, null, new BigDecimal("5"), ResetMode.ROLLING, null, null, null, null, null);
        SpendCalendar kept = new SpendCalendar(() -> BERLIN);
        // 2026-10-20 .. 2026-11-05: a week start, the end of summer time (25 Oct) and a month end, in 7-minute steps
        long from = Instant.parse("2026-10-20T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2026-11-05T00:00:00Z").toEpochMilli();
        for (long t = from; t < to; t += 7 * 60_000) {
            for (Limits l : List.of(fixed, rolling)) {
                assertThat(kept.windows(USER, l, t)).as("at %s", Instant.ofEpochMilli(t))
                        .isEqualTo(new SpendCalendar(() -> BERLIN).windows(USER, l, t));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Asia/Tokyo"})
    void aChangedTimeZoneIsUsedAtOnce(String zone) {
        ZoneId[] current = {BERLIN};
        SpendCalendar calendar = new SpendCalendar(() -> current[0]);
        long t = Instant.parse("2026-11-30T23:30:00Z").toEpochMilli();
        calendar.windows(USER, Limits.NONE, t);
        current[0] = ZoneId.of(zone);
        assertThat(calendar.windows(USER, Limits.NONE, t)).isEqualTo(new SpendCalendar(() -> ZoneId.of(zone)).windows(USER, Limits.NONE, t));
    }
}
