package dev.cch.server.admin;

import dev.cch.protocol.admin.FieldError;
import dev.cch.server.logs.LogCursor;
import dev.cch.server.logs.LogFilter;
import dev.cch.server.logs.RequestLogRepository;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code /api/v1/logs}: the request log, filtered and paged newest first; CSV export streamed; a request's detail
 * with its decision chain and cost breakdown.
 */
public final class LogsApi implements AdminRoute.Service {
    private static final Set<String> ENDPOINTS = Set.of("messages", "count_tokens", "chat_completions", "responses",
            "gemini_generate", "gemini_stream", "gemini_count_tokens");
    private final RequestLogRepository logs;
    private final AdminIo io;

    public LogsApi(RequestLogRepository logs, AdminIo io) {
        this.logs = logs;
        this.io = io;
    }

    @Override
    public String root() {
        return "/api/v1/logs";
    }

    @Override
    public List<AdminRoute> routes() {
        return List.of(
                AdminRoute.get("/", this::list),
                AdminRoute.get("/export", this::export),
                AdminRoute.get("/{id}", this::get));
    }

    private void list(ServerRequest req, ServerResponse res) {
        List<FieldError> errors = new ArrayList<>();
        LogFilter filter = filter(req, errors);
        int limit = Query.intParam(req, "limit", 50, 1, 200, errors);
        LogCursor after = cursor(req, errors);
        if (!errors.isEmpty()) {
            io.invalid(res, errors);
            return;
        }
        io.ok(res, logs.page(filter, after, limit));
    }

    private void export(ServerRequest req, ServerResponse res) {
        List<FieldError> errors = new ArrayList<>();
        LogFilter filter = filter(req, errors);
        if (!errors.isEmpty()) {
            io.invalid(res, errors);
            return;
        }
        res.header(HeaderNames.CONTENT_TYPE, "text/csv; charset=utf-8");
        res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"request-log.csv\"");
        try (var w = new BufferedWriter(new OutputStreamWriter(res.outputStream(), StandardCharsets.UTF_8), 65536)) {
            logs.exportCsv(filter, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void get(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().first("id").orElse("");
        logs.get(id).ifPresentOrElse(v -> io.ok(res, v), () -> io.notFound(res, "request " + id));
    }

    static LogCursor cursor(ServerRequest req, List<FieldError> errors) {
        try {
            return LogCursor.decode(req.query().first("cursor").orElse(null));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("cursor", "is not valid"));
            return null;
        }
    }

    static LogFilter filter(ServerRequest req, List<FieldError> errors) {
        String status = Query.text(req, "status");
        if (status != null && !status.equals("error") && !status.matches("[1-5][0-9][0-9]")) {
            errors.add(new FieldError("status", "must be an HTTP status or \"error\""));
            status = null;
        }
        String endpoint = Query.text(req, "endpoint");
        if (endpoint != null && !ENDPOINTS.contains(endpoint)) {
            errors.add(new FieldError("endpoint", "must be one of " + String.join(", ", ENDPOINTS.stream().sorted().toList())));
            endpoint = null;
        }
        return new LogFilter(Query.longParam(req, "userId", errors), Query.longParam(req, "keyId", errors),
                Query.longParam(req, "providerId", errors), Query.text(req, "model"), status,
                Query.text(req, "sessionId"), endpoint, StatsApi.instant(req, "from", errors), StatsApi.instant(req, "to", errors));
    }
}
