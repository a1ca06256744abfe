package dev.cch.server.stats;

import dev.cch.protocol.admin.LeaderboardView;
import dev.cch.protocol.admin.SeriesView;
import dev.cch.protocol.admin.UsageFigures;
import dev.cch.server.db.Rows;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Statistics read from the rollups the database keeps (never from the raw request log): {@code usage_hourly} for
 * today and arbitrary ranges, {@code usage_daily} (calendar days in the hub's zone) for weeks, months and 30-day
 * series. Each query aggregates by subject first and joins names to the handful of rows that result.
 */
public final class StatsRepository {
    private static final String FIGURES = """
            sum(u.requests) AS requests, sum(u.errors) AS errors, sum(u.input_tokens) AS input_tokens,
            sum(u.output_tokens) AS output_tokens, sum(u.cache_read_tokens) AS cache_read_tokens,
            sum(u.cache_write_tokens) AS cache_write_tokens, sum(u.cost_usd) AS cost_usd,
            sum(u.duration_ms_sum) AS duration_ms_sum, sum(u.duration_count) AS duration_count,
            sum(u.ttft_ms_sum) AS ttft_ms_sum, sum(u.ttft_count) AS ttft_count""";

    /** How one dimension is grouped ({@code a.g} after aggregation), keyed and named. */
    private record Dimension(String group, String key, String name, String join) {
    }

    private static final Map<String, Dimension> DIMENSIONS = Map.of(
            "user", new Dimension("u.subject_id", "CAST(a.g AS text)", "coalesce(x.name, 'user ' || a.g)",
                    "LEFT JOIN users x ON x.id = a.g"),
            "key", new Dimension("u.subject_id", "CAST(a.g AS text)", "coalesce(x.name, 'key ' || a.g)",
                    "LEFT JOIN api_keys x ON x.id = a.g"),
            "provider", new Dimension("u.subject_id", "CAST(a.g AS text)",
                    "coalesce(x.name, CASE WHEN a.g = 0 THEN '(none)' ELSE 'provider ' || a.g END)",
                    "LEFT JOIN providers x ON x.id = a.g"),
            "model", new Dimension("u.model", "a.g", "a.g", ""));

    /** A time range over one rollup: hours as instants, or whole calendar days in the hub's zone. */
    public sealed interface Range {
        /** [from, to) in whole hours (the hourly rollup). */
        record Hours(Instant from, Instant to) implements Range {
        }

        /** [from, to) in calendar days of the hub's zone (the daily rollup). */
        record Days(LocalDate from, LocalDate to) implements Range {
        }
    }

    private final DbClient db;

    public StatsRepository(DbClient db) {
        this.db = db;
    }

    public UsageFigures figures(Instant from, Instant to) {
        return db.execute().createGet("SELECT " + FIGURES
                        + " FROM usage_hourly u WHERE u.dim = 'provider' AND u.hour >= :from AND u.hour < :to")
                .addParam("from", Rows.param(from)).addParam("to", Rows.param(to))
                .execute().map(StatsRepository::figures).orElseThrow();
    }

    /** One key's figures over a period. */
    public UsageFigures keyFigures(long keyId, Instant from, Instant to) {
        return db.execute().createGet("SELECT " + FIGURES
                        + " FROM usage_hourly u WHERE u.dim = 'key' AND u.subject_id = :key AND u.hour >= :from AND u.hour < :to")
                .addParam("key", keyId).addParam("from", Rows.param(from)).addParam("to", Rows.param(to))
                .execute().map(StatsRepository::figures).orElseThrow();
    }

    public long activeSessions(Instant since) {
        return db.execute().createNamedGet("stats-active-sessions").addParam("since", Rows.param(since)).execute()
                .map(r -> Rows.longOr(r, "n", 0)).orElse(0L);
    }

    /** The key and name of the series that sums every subject outside the top ones. */
    public static final String OTHER = "(other)";

    /**
     * Points per hour (an {@link Range.Hours} range) or per day (a {@link Range.Days} range), by dimension: one series
     * for each of the {@code top} subjects of the whole range (most expensive first), and one {@link #OTHER} series
     * summing the rest, so a chart stays readable and the answer small however many users or keys there are.
     */
    public List<SeriesView.Point> series(String dimension, Range range, String zone, int top) {
        Dimension d = dimension(dimension);
        String bucket = range instanceof Range.Days
                ? "CAST(u.day AS timestamp) AT TIME ZONE CAST(:zone AS text)"
                : "date_trunc('hour', u.hour AT TIME ZONE CAST(:zone AS text)) AT TIME ZONE CAST(:zone AS text)";
        String sql = "WITH b AS (SELECT " + bucket + " AS bucket, " + d.group() + " AS g, " + FIGURES
                + from(range, dimension) + " GROUP BY 1, 2),"
                + " t AS (SELECT b.g FROM b GROUP BY b.g ORDER BY sum(b.cost_usd) DESC, sum(b.requests) DESC, b.g LIMIT :top),"
                + " s AS (SELECT b.* FROM b JOIN t ON t.g = b.g UNION ALL SELECT b.bucket, NULL, "
                + FIGURES.replace("u.", "b.") + " FROM b WHERE b.g NOT IN (SELECT g FROM t) GROUP BY b.bucket)"
                + " SELECT a.bucket AS start, coalesce(" + d.key() + ", '" + OTHER + "') AS key,"
                + " CASE WHEN a.g IS NULL THEN '" + OTHER + "' ELSE " + d.name() + " END AS name, a.* FROM s a "
                + d.join() + " ORDER BY 1, 2";
        try (var rows = bind(db.execute().createQuery(sql), range).addParam("zone", zone).addParam("top", top).execute()) {
            return rows.map(r -> new SeriesView.Point(Rows.instant(r, "start"), Rows.string(r, "key"), Rows.string(r, "name"),
                    figures(r))).toList();
        }
    }

    /** The most expensive subjects of a range. */
    public List<LeaderboardView.Row> leaderboard(String dimension, Range range, int limit) {
        Dimension d = dimension(dimension);
        String sql = "SELECT " + d.key() + " AS key, " + d.name() + " AS name, a.* FROM (SELECT " + d.group() + " AS g, "
                + FIGURES + from(range, dimension) + " GROUP BY 1 ORDER BY sum(u.cost_usd) DESC, sum(u.requests) DESC"
                + " LIMIT :limit) a " + d.join() + " ORDER BY a.cost_usd DESC, a.requests DESC";
        try (var rows = bind(db.execute().createQuery(sql), range).addParam("limit", limit).execute()) {
            return rows.map(r -> {
                UsageFigures f = figures(r);
                return new LeaderboardView.Row(Rows.string(r, "key"), Rows.string(r, "name"), f, f.cacheHitRate());
            }).toList();
        }
    }

    /** The FROM and WHERE of a range over its rollup; {@code dimension} is one of the fixed names (checked). */
    private static String from(Range range, String dimension) {
        return switch (range) {
            case Range.Hours h -> " FROM usage_hourly u WHERE u.dim = '" + dimension + "' AND u.hour >= :from AND u.hour < :to";
            case Range.Days days -> " FROM usage_daily u WHERE u.dim = '" + dimension + "' AND u.day >= :from AND u.day < :to";
        };
    }

    private static <T extends io.helidon.dbclient.DbStatement<T>> T bind(T statement, Range range) {
        return switch (range) {
            case Range.Hours h -> statement.addParam("from", Rows.param(h.from())).addParam("to", Rows.param(h.to()));
            case Range.Days d -> statement.addParam("from", d.from()).addParam("to", d.to());
        };
    }

    private static Dimension dimension(String name) {
        Dimension d = DIMENSIONS.get(name);
        if (d == null) {
            throw new IllegalArgumentException("dimension must be one of " + DIMENSIONS.keySet());
        }
        return d;
    }

    static UsageFigures figures(DbRow r) {
        long durCount = Rows.longOr(r, "duration_count", 0);
        long ttftCount = Rows.longOr(r, "ttft_count", 0);
        BigDecimal cost = Rows.decimal(r, "cost_usd");
        return new UsageFigures(Rows.longOr(r, "requests", 0), Rows.longOr(r, "errors", 0),
                Rows.longOr(r, "input_tokens", 0), Rows.longOr(r, "output_tokens", 0),
                Rows.longOr(r, "cache_read_tokens", 0), Rows.longOr(r, "cache_write_tokens", 0),
                cost == null ? BigDecimal.ZERO : cost.stripTrailingZeros(),
                durCount == 0 ? null : (double) Rows.longOr(r, "duration_ms_sum", 0) / durCount,
                ttftCount == 0 ? null : (double) Rows.longOr(r, "ttft_ms_sum", 0) / ttftCount);
    }
}
