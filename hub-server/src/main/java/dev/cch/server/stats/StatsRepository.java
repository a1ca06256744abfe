package dev.cch.server.stats;

import dev.cch.protocol.admin.LeaderboardView;
import dev.cch.protocol.admin.SeriesView;
import dev.cch.protocol.admin.UsageFigures;
import dev.cch.server.db.Rows;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Statistics read from the hourly rollup, never from the raw request log. */
public final class StatsRepository {
    private static final String FIGURES = """
            sum(u.requests) AS requests, sum(u.errors) AS errors, sum(u.input_tokens) AS input_tokens,
            sum(u.output_tokens) AS output_tokens, sum(u.cache_read_tokens) AS cache_read_tokens,
            sum(u.cache_write_tokens) AS cache_write_tokens, sum(u.cost_usd) AS cost_usd,
            sum(u.duration_ms_sum) AS duration_ms_sum, sum(u.duration_count) AS duration_count,
            sum(u.ttft_ms_sum) AS ttft_ms_sum, sum(u.ttft_count) AS ttft_count""";

    /** How one dimension is grouped and named: its key, its display name, and the table the name comes from. */
    private record Dimension(String key, String name, String join) {
    }

    /** Each dimension has its own rollup rows ({@code usage_hourly.dim}), keyed by subject id or model name. */
    private static final Map<String, Dimension> DIMENSIONS = Map.of(
            "user", new Dimension("CAST(u.subject_id AS text)", "coalesce(x.name, 'user ' || u.subject_id)",
                    "LEFT JOIN users x ON x.id = u.subject_id"),
            "key", new Dimension("CAST(u.subject_id AS text)", "coalesce(x.name, 'key ' || u.subject_id)",
                    "LEFT JOIN api_keys x ON x.id = u.subject_id"),
            "provider", new Dimension("CAST(u.subject_id AS text)",
                    "coalesce(x.name, CASE WHEN u.subject_id = 0 THEN '(none)' ELSE 'provider ' || u.subject_id END)",
                    "LEFT JOIN providers x ON x.id = u.subject_id"),
            "model", new Dimension("u.model", "u.model", ""));

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

    /** @param dimension user, key, provider or model; @param bucket hour or day */
    public List<SeriesView.Point> series(String dimension, String bucket, Instant from, Instant to, String zone) {
        Dimension d = dimension(dimension);
        String sql = "SELECT date_trunc(CAST(:bucket AS text), u.hour AT TIME ZONE CAST(:zone AS text))"
                + " AT TIME ZONE CAST(:zone AS text) AS start, " + d.key() + " AS key, min(" + d.name() + ") AS name, "
                + FIGURES + " FROM usage_hourly u " + d.join() + " WHERE u.dim = '" + dimension + "'"
                + " AND u.hour >= :from AND u.hour < :to GROUP BY 1, 2 ORDER BY 1, 2";
        try (var rows = db.execute().createQuery(sql).addParam("bucket", bucket)
                .addParam("zone", zone).addParam("from", Rows.param(from)).addParam("to", Rows.param(to)).execute()) {
            return rows.map(r -> new SeriesView.Point(Rows.instant(r, "start"), Rows.string(r, "key"), Rows.string(r, "name"),
                    figures(r))).toList();
        }
    }

    public List<LeaderboardView.Row> leaderboard(String dimension, Instant from, Instant to, int limit) {
        Dimension d = dimension(dimension);
        String sql = "SELECT " + d.key() + " AS key, min(" + d.name() + ") AS name, " + FIGURES
                + " FROM usage_hourly u " + d.join() + " WHERE u.dim = '" + dimension + "'"
                + " AND u.hour >= :from AND u.hour < :to GROUP BY 1 ORDER BY sum(u.cost_usd) DESC, sum(u.requests) DESC"
                + " LIMIT :limit";
        try (var rows = db.execute().createQuery(sql).addParam("from", Rows.param(from))
                .addParam("to", Rows.param(to)).addParam("limit", limit).execute()) {
            return rows.map(r -> {
                UsageFigures f = figures(r);
                return new LeaderboardView.Row(Rows.string(r, "key"), Rows.string(r, "name"), f, f.cacheHitRate());
            }).toList();
        }
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
