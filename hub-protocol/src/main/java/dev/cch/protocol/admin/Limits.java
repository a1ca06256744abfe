package dev.cch.protocol.admin;

import java.math.BigDecimal;

/**
 * Limits of a user, key or provider. A null limit means none (for a key: inherit the user's where the hub does).
 *
 * @param rpm                requests per minute (sliding 60 s); users and keys only
 * @param usd5h              spend over 5 hours, rolling or fixed from the first request
 * @param dailyResetTime     HH:mm in the hub's time zone at which a fixed daily window restarts
 * @param concurrentSessions sessions in flight at once
 */
public record Limits(Integer rpm,
                     BigDecimal usd5h, ResetMode reset5h,
                     BigDecimal usdDaily, ResetMode dailyReset, String dailyResetTime,
                     BigDecimal usdWeekly, BigDecimal usdMonthly, BigDecimal usdTotal,
                     Integer concurrentSessions) {
    public static final Limits NONE = new Limits(null, null, null, null, null, null, null, null, null, null);

    public Limits {
        reset5h = reset5h == null ? ResetMode.ROLLING : reset5h;
        dailyReset = dailyReset == null ? ResetMode.FIXED : dailyReset;
        dailyResetTime = dailyResetTime == null || dailyResetTime.isBlank() ? "00:00" : dailyResetTime.trim();
    }

    public static Limits orNone(Limits l) {
        return l == null ? NONE : l;
    }

    public Validation validate(Validation v) {
        return v.range("rpm", rpm, 0, 1_000_000)
                .nonNegative("usd5h", usd5h)
                .nonNegative("usdDaily", usdDaily)
                .timeOfDay("dailyResetTime", dailyResetTime)
                .nonNegative("usdWeekly", usdWeekly)
                .nonNegative("usdMonthly", usdMonthly)
                .nonNegative("usdTotal", usdTotal)
                .range("concurrentSessions", concurrentSessions, 0, 100_000);
    }
}
