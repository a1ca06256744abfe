package dev.cch.server.admin;

import dev.cch.server.logs.RequestLogRepository;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.List;

/** {@code /api/v1/logs}: the request log; a request's detail carries its decision chain and cost breakdown. */
public final class LogsApi implements AdminRoute.Service {
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
        return List.of(AdminRoute.get("/{id}", this::get));
    }

    private void get(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().first("id").orElse("");
        logs.get(id).ifPresentOrElse(v -> io.ok(res, v), () -> io.notFound(res, "request " + id));
    }
}
