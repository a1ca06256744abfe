package dev.cch.protocol.admin;

import java.time.Instant;
import java.util.List;

/** The top users, keys, providers or models of a period, most expensive first. */
public record LeaderboardView(String by, String period, Instant from, Instant to, List<Row> rows) {

    /** One entry: {@code key} is the id (or the model name). */
    public record Row(String key, String name, UsageFigures figures, double cacheHitRate) {
    }
}
