package dev.cch.server.admin;

import dev.cch.protocol.admin.FieldError;
import dev.cch.protocol.admin.MeView;
import dev.cch.protocol.admin.Page;
import dev.cch.protocol.admin.RequestLogView;
import dev.cch.server.logs.LogCursor;
import dev.cch.server.logs.LogFilter;
import dev.cch.server.logs.RequestLogRepository;
import dev.cch.server.pipeline.Principal;
import dev.cch.server.stats.StatsService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /api/v1/me}: self-service for any hub key, ahead of the admin guard. A key reads its own quota gauges (its
 * own limits and its user's), today's figures and its own request log, nothing else. Which providers served it is
 * the admins' business, so the log shows neither provider nor decision chain.
 */
public final class MeApi implements AdminRoute.Service {
    private final AdminAuth auth;
    private final UsageApi usage;
    private final StatsService stats;
    private final RequestLogRepository logs;
    private final AdminIo io;

    public MeApi(AdminAuth auth, UsageApi usage, StatsService stats, RequestLogRepository logs, AdminIo io) {
        this.auth = auth;
        this.usage = usage;
        this.stats = stats;
        this.logs = logs;
        this.io = io;
    }

    @Override
    public String root() {
        return "/api/v1/me";
    }

    @Override
    public List<AdminRoute> routes() {
        return List.of(
                AdminRoute.get("/", this::me),
                AdminRoute.get("/logs", this::logs));
    }

    private void me(ServerRequest req, ServerResponse res) {
        principal(req, res).ifPresent(p -> io.ok(res, new MeView(p.key(), p.user().name(), usage.keyUsage(p.key(), p.user()),
                usage.userUsage(p.user()), stats.todayForKey(p.key().id()))));
    }

    private void logs(ServerRequest req, ServerResponse res) {
        Optional<Principal> p = principal(req, res);
        if (p.isEmpty()) {
            return;
        }
        List<FieldError> errors = new ArrayList<>();
        int limit = Query.intParam(req, "limit", 50, 1, 200, errors);
        LogCursor after = LogsApi.cursor(req, errors);
        if (!errors.isEmpty()) {
            io.invalid(res, errors);
            return;
        }
        Page<RequestLogView> page = logs.page(LogFilter.NONE.forKey(p.get().key().id()), after, limit);
        io.ok(res, new Page<>(page.items().stream().map(MeApi::withoutRouting).toList(), page.nextCursor()));
    }

    static RequestLogView withoutRouting(RequestLogView v) {
        return new RequestLogView(v.id(), v.requestId(), v.createdAt(), v.finishedAt(), v.userId(), v.userName(), v.keyId(),
                v.keyName(), null, null, v.clientProtocol(), null, v.endpoint(), v.model(), null, v.actualModel(),
                v.billingModel(), v.stream(), v.statusCode(), v.errorKind(), v.errorMessage(), v.blockedBy(), v.tokens(),
                v.costUsd(), v.priceMissing(), null, v.ttfbMs(), v.ttftMs(), v.durationMs(), v.sessionId(), v.attempts(),
                null, v.clientIp(), v.userAgent());
    }

    private Optional<Principal> principal(ServerRequest req, ServerResponse res) {
        return auth.anyKey(req, res);
    }
}
