package dev.cch.server.admin;

import dev.cch.protocol.admin.FieldError;
import dev.cch.protocol.admin.KeyView;
import dev.cch.protocol.admin.Page;
import dev.cch.protocol.admin.SessionView;
import dev.cch.protocol.admin.UserView;
import dev.cch.server.keys.KeyRepository;
import dev.cch.server.limits.LimitPlans;
import dev.cch.server.limits.Subject;
import dev.cch.server.providers.ProviderCatalog;
import dev.cch.server.sessions.SessionRepository;
import dev.cch.server.state.StateStore;
import dev.cch.server.users.UserRepository;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/v1/sessions}: the coding sessions active now, and ending one, which drops its provider binding, its
 * in-flight count and its place in every concurrent-session limit, on every node.
 */
public final class SessionsApi implements AdminRoute.Service {
    private final SessionRepository sessions;
    private final KeyRepository keys;
    private final UserRepository users;
    private final ProviderCatalog providers;
    private final StateStore store;
    private final LimitPlans plans;
    private final Clock clock;
    private final Duration ttl;
    private final AdminIo io;
    private final AuditLog audit;

    public SessionsApi(SessionRepository sessions, KeyRepository keys, UserRepository users, ProviderCatalog providers,
                       StateStore store, LimitPlans plans, Clock clock, Duration ttl, AdminIo io, AuditLog audit) {
        this.sessions = sessions;
        this.keys = keys;
        this.users = users;
        this.providers = providers;
        this.store = store;
        this.plans = plans;
        this.clock = clock;
        this.ttl = ttl;
        this.io = io;
        this.audit = audit;
    }

    @Override
    public String root() {
        return "/api/v1/sessions";
    }

    @Override
    public List<AdminRoute> routes() {
        return List.of(
                AdminRoute.get("/", this::list),
                AdminRoute.delete("/{keyId}/{sessionId}", this::end));
    }

    private void list(ServerRequest req, ServerResponse res) {
        List<FieldError> errors = new ArrayList<>();
        Long userId = Query.longParam(req, "userId", errors);
        Long keyId = Query.longParam(req, "keyId", errors);
        Long providerId = Query.longParam(req, "providerId", errors);
        if (!errors.isEmpty()) {
            io.invalid(res, errors);
            return;
        }
        List<SessionView> items = sessions.active(clock.instant().minus(ttl)).stream()
                .filter(s -> userId == null || userId.equals(s.userId()))
                .filter(s -> keyId == null || keyId == s.keyId())
                .filter(s -> providerId == null || providerId.equals(s.providerId()))
                .toList();
        io.ok(res, new Page<>(items, null));
    }

    private void end(ServerRequest req, ServerResponse res) {
        Optional<Long> keyId = io.id(req, res, "key", "keyId");
        if (keyId.isEmpty()) {
            return;
        }
        String sessionId = req.path().pathParameters().first("sessionId").orElse("");
        Optional<KeyView> key = keys.get(keyId.get());
        Optional<UserView> user = key.flatMap(k -> users.get(k.userId()));
        if (user.isEmpty() || !sessions.exists(keyId.get(), sessionId, clock.instant().minus(ttl))) {
            io.notFound(res, "session " + sessionId + " of key " + keyId.get());
            return;
        }
        List<Subject> holders = new ArrayList<>(List.of(plans.user(user.get()), plans.key(key.get())));
        providers.all().forEach(p -> holders.add(plans.provider(p)));
        store.endSession(key.get().id() + "/" + sessionId, holders);
        sessions.terminate(keyId.get(), sessionId);
        audit.record(AdminAuth.actor(req), "session.end", "session", keyId.get(), null,
                Map.of("keyId", keyId.get(), "sessionId", sessionId), null);
        io.noContent(res);
    }
}
