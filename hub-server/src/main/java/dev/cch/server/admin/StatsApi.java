package dev.cch.server.admin;

import dev.cch.protocol.admin.FieldError;
import dev.cch.server.stats.StatsService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** {@code /api/v1/stats}: overview, time series and leaderboards for dashboards. */
public final class StatsApi implements AdminRoute.Service {
    private final StatsService stats;
    private final AdminIo io;

    public StatsApi(StatsService stats, AdminIo io) {
        this.stats = stats;
        this.io = io;
    }

    @Override
    public String root() {
        return "/api/v1/stats";
    }

    @Override
    public List<AdminRoute> routes() {
        return List.of(
                AdminRoute.get("/overview", (req, res) -> io.ok(res, stats.overview())),
                AdminRoute.get("/series", this::series),
                AdminRoute.get("/leaderboard", this::leaderboard));
    }

    private void series(ServerRequest req, ServerResponse res) {
        String range = req.query().first("range").orElse("today");
        String by = req.query().first("by").orElse("provider");
        List<FieldError> errors = new ArrayList<>();
        if (!List.of("today", "7d", "30d").contains(range)) {
            errors.add(new FieldError("range", "must be today, 7d or 30d"));
        }
        if (!StatsService.DIMENSIONS.contains(by)) {
            errors.add(new FieldError("by", "must be provider, user, key or model"));
        }
        int top = Query.intParam(req, "top", 10, 1, 50, errors);
        if (!errors.isEmpty()) {
            io.invalid(res, errors);
            return;
        }
        io.ok(res, stats.series(range, by, top));
    }

    private void leaderboard(ServerRequest req, ServerResponse res) {
        String by = req.query().first("by").orElse("user");
        String period = req.query().first("period").orElse("today");
        List<FieldError> errors = new ArrayList<>();
        if (!StatsService.DIMENSIONS.contains(by)) {
            errors.add(new FieldError("by", "must be user, key, provider or model"));
        }
        if (!List.of("today", "week", "month", "custom").contains(period)) {
            errors.add(new FieldError("period", "must be today, week, month or custom"));
        }
        Instant from = instant(req, "from", errors);
        Instant to = instant(req, "to", errors);
        if ("custom".equals(period) && (from == null || to == null || !from.isBefore(to))) {
            errors.add(new FieldError("from", "a custom period needs from < to (ISO-8601 instants)"));
        }
        int limit = Query.intParam(req, "limit", 20, 1, 200, errors);
        if (!errors.isEmpty()) {
            io.invalid(res, errors);
            return;
        }
        io.ok(res, stats.leaderboard(by, period, from, to, limit));
    }

    static Instant instant(ServerRequest req, String name, List<FieldError> errors) {
        return req.query().first(name).map(s -> {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(name, "must be an ISO-8601 instant such as 2026-11-26T00:00:00Z"));
                return null;
            }
        }).orElse(null);
    }
}
