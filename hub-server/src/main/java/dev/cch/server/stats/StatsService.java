package dev.cch.server.stats;

import dev.cch.protocol.admin.LeaderboardView;
import dev.cch.protocol.admin.OverviewView;
import dev.cch.protocol.admin.SeriesView;
import dev.cch.protocol.admin.UsageFigures;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The dashboard's numbers: overview, time series and leaderboards, in the hub's time zone. Overviews are cached for
 * a couple of seconds so that many open dashboards cost the database one query per refresh.
 */
public final class StatsService {
    public static final Set<String> DIMENSIONS = Set.of("user", "key", "provider", "model");

    private final StatsRepository repo;
    private final Periods periods;
    private final Duration sessionTtl;
    private final Duration cacheFor;
    private volatile OverviewView cached;
    private volatile long cachedAt;

    /** @param cacheFor how long an overview is reused (a couple of seconds; zero for none) */
    public StatsService(StatsRepository repo, Periods periods, Duration sessionTtl, Duration cacheFor) {
        this.repo = repo;
        this.periods = periods;
        this.sessionTtl = sessionTtl;
        this.cacheFor = cacheFor;
    }

    public OverviewView overview() {
        long now = System.nanoTime();
        OverviewView c = cached;
        if (c != null && now - cachedAt < cacheFor.toNanos()) {
            return c;
        }
        Periods.Span today = periods.today();
        Periods.Span yesterday = periods.yesterday();
        Instant at = periods.now();
        OverviewView fresh = new OverviewView(repo.figures(today.from(), today.to()),
                repo.figures(yesterday.from(), yesterday.to()), repo.activeSessions(at.minus(sessionTtl)),
                periods.zone().getId(), at);
        cached = fresh;
        cachedAt = now;
        return fresh;
    }

    public UsageFigures today() {
        return overview().today();
    }

    /** Today's figures of one key. */
    public UsageFigures todayForKey(long keyId) {
        Periods.Span today = periods.today();
        return repo.keyFigures(keyId, today.from(), today.to());
    }

    /** @param range today (hourly) or 7d / 30d (daily, from the daily rollup) */
    public SeriesView series(String range, String dimension, int top) {
        StatsRepository.Range r = switch (range) {
            case "today" -> hours(periods.today());
            case "7d" -> days(periods.lastDays(7));
            case "30d" -> days(periods.lastDays(30));
            default -> throw new IllegalArgumentException("range must be today, 7d or 30d");
        };
        return new SeriesView(range, range.equals("today") ? "hour" : "day", dimension,
                repo.series(dimension, r, periods.zone().getId(), top));
    }

    /** @param period today, week, month, or custom with from/to */
    public LeaderboardView leaderboard(String dimension, String period, Instant from, Instant to, int limit) {
        Periods.Span span = switch (period) {
            case "today" -> periods.today();
            case "week" -> periods.week();
            case "month" -> periods.month();
            case "custom" -> new Periods.Span(from, to);
            default -> throw new IllegalArgumentException("period must be today, week, month or custom");
        };
        // whole days read the daily rollup; today and ranges that start or end mid-day read the hourly one
        StatsRepository.Range r = !period.equals("today") && periods.isMidnight(span.from()) && periods.isMidnight(span.to())
                ? days(span) : hours(span);
        return new LeaderboardView(dimension, period, span.from(), span.to(), repo.leaderboard(dimension, r, limit));
    }

    private static StatsRepository.Range hours(Periods.Span span) {
        return new StatsRepository.Range.Hours(span.from(), span.to());
    }

    private StatsRepository.Range days(Periods.Span span) {
        return new StatsRepository.Range.Days(periods.date(span.from()), periods.date(span.to()));
    }
}
