package dev.cch.server.notify;

import dev.cch.protocol.admin.LeaderboardView;
import dev.cch.server.stats.StatsService;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.function.Supplier;

/**
 * The daily leaderboard: at each target's {@code dailyAt} in the hub's time zone, yesterday's top users by cost.
 * A slot that the hub was down for is caught up within an hour, not later; each target gets one per day, whatever
 * the number of nodes.
 */
final class DailyDigest {
    static final int TOP = 5;
    private static final Duration CATCH_UP = Duration.ofHours(1);

    private final Notifications notifications;
    private final Parts parts;
    private final Clock clock;

    /** What the digest reads: the leaderboard and the hub's zone. */
    record Parts(StatsService stats, Supplier<ZoneId> zone) {
    }

    DailyDigest(Notifications notifications, Parts parts, Clock clock) {
        this.notifications = notifications;
        this.parts = parts;
        this.clock = clock;
    }

    void tick() {
        ZoneId zone = parts.zone().get();
        ZonedDateTime now = clock.instant().atZone(zone);
        LocalDate today = now.toLocalDate();
        for (Target t : notifications.targets(Notice.DAILY_LEADERBOARD)) {
            ZonedDateTime slot = today.atTime(t.dailyAt()).atZone(zone);
            if (now.isBefore(slot) || !now.isBefore(slot.plus(CATCH_UP))
                    || !notifications.claimOnce("leaderboard:" + t.id() + ":" + today)) {
                continue;
            }
            LocalDate day = today.minusDays(1);
            LeaderboardView board = parts.stats().leaderboard("user", "custom", day.atStartOfDay(zone).toInstant(),
                    today.atStartOfDay(zone).toInstant(), TOP);
            notifications.deliver(t, new Notice.DailyLeaderboard(day, zone.getId(), board.rows()));
        }
    }
}
