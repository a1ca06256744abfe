package dev.cch.server.admin;

import dev.cch.protocol.admin.AuditView;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/audit}: admin changes and logins, newest first, filtered by action (or action prefix such as
 * {@code provider.}), actor and target type. {@code POST /api/v1/login}: checks admin credentials and records the
 * login; a refused login is recorded by {@link AdminAuth}.
 */
public final class AuditApi implements AdminRoute.Service {
    private final AuditLog audit;
    private final AdminIo io;
    private final String version;

    public AuditApi(AuditLog audit, AdminIo io, String version) {
        this.audit = audit;
        this.io = io;
        this.version = version;
    }

    @Override
    public String root() {
        return "/api/v1";
    }

    @Override
    public List<AdminRoute> routes() {
        return List.of(
                AdminRoute.get("/audit", this::list),
                AdminRoute.post("/login", this::login));
    }

    private void list(ServerRequest req, ServerResponse res) {
        Paging paging = Paging.of(req, res, io);
        if (paging == null) {
            return;
        }
        List<AuditView> rows = audit.page(Query.text(req, "action"), Query.text(req, "actor"), Query.text(req, "targetType"),
                paging.after(), paging.limit() + 1);
        io.ok(res, paging.page(rows, AuditView::id));
    }

    private void login(ServerRequest req, ServerResponse res) {
        Actor actor = AdminAuth.actor(req);
        audit.record(actor, "admin.login", "auth", actor.userId(), actor.name(), null, null);
        io.ok(res, Map.of("actor", actor.name(), "version", version));
    }
}
