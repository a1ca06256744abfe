package dev.cch.protocol.admin;

import java.time.Instant;
import java.util.List;

/**
 * A time series: {@code bucket} is {@code hour} (range today) or {@code day} (7d, 30d); {@code by} is provider,
 * user, key or model, and each point belongs to one of those ({@code key} its id or model name, {@code name} its name).
 */
public record SeriesView(String range, String bucket, String by, List<Point> points) {

    /** One bucket of one group. */
    public record Point(Instant start, String key, String name, UsageFigures figures) {
    }
}
