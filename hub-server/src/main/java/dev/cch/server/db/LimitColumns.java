package dev.cch.server.db;

import dev.cch.protocol.admin.Limits;
import dev.cch.protocol.admin.ResetMode;
import io.helidon.dbclient.DbRow;

import java.util.Map;

/** The limit columns that users, keys and providers share, in both directions. */
public final class LimitColumns {
    private LimitColumns() {
    }

    public static Limits read(DbRow row, boolean hasRpm) {
        return new Limits(
                hasRpm ? Rows.intValue(row, "rpm_limit") : null,
                Rows.decimal(row, "limit_5h_usd"),
                ResetMode.fromWireName(Rows.string(row, "limit_5h_reset_mode")),
                Rows.decimal(row, "limit_daily_usd"),
                ResetMode.fromWireName(Rows.string(row, "daily_reset_mode")),
                Rows.string(row, "daily_reset_time"),
                Rows.decimal(row, "limit_weekly_usd"),
                Rows.decimal(row, "limit_monthly_usd"),
                Rows.decimal(row, "limit_total_usd"),
                Rows.intValue(row, "limit_concurrent_sessions"));
    }

    public static void write(Limits l, Map<String, Object> params) {
        params.put("rpm", l.rpm());
        params.put("usd5h", l.usd5h());
        params.put("reset5h", l.reset5h().wireName());
        params.put("usdDaily", l.usdDaily());
        params.put("dailyReset", l.dailyReset().wireName());
        params.put("dailyResetTime", l.dailyResetTime());
        params.put("usdWeekly", l.usdWeekly());
        params.put("usdMonthly", l.usdMonthly());
        params.put("usdTotal", l.usdTotal());
        params.put("concurrentSessions", l.concurrentSessions());
    }
}
