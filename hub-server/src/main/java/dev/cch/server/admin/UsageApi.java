package dev.cch.server.admin;

import dev.cch.protocol.admin.KeyView;
import dev.cch.protocol.admin.Limits;
import dev.cch.protocol.admin.UsageView;
import dev.cch.protocol.admin.UserView;
import dev.cch.server.keys.KeyRepository;
import dev.cch.server.limits.LimitKind;
import dev.cch.server.limits.LimitPlans;
import dev.cch.server.limits.Money;
import dev.cch.server.limits.Subject;
import dev.cch.server.limits.Window;
import dev.cch.server.pipeline.Principal;
import dev.cch.server.providers.Provider;
import dev.cch.server.providers.ProviderCatalog;
import dev.cch.server.providers.ProviderRepository;
import dev.cch.server.state.StateStore;
import dev.cch.server.users.UserRepository;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Usage against every limit and window of a user, key or provider ({@code GET …/{id}/usage}, for gauges), and
 * resetting it ({@code POST …/{id}/usage/reset}): windows restart from zero, the request log keeps the history.
 */
public final class UsageApi implements AdminRoute.Service {
    private final UserRepository users;
    private final KeyRepository keys;
    private final ProviderRepository providerRepo;
    private final ProviderCatalog catalog;
    private final StateStore store;
    private final LimitPlans plans;
    private final Clock clock;
    private final Duration sessionTtl;
    private final AdminIo io;
    private final AuditLog audit;
    private final AdminChanges changes;

    public UsageApi(UserRepository users, KeyRepository keys, ProviderRepository providerRepo, ProviderCatalog catalog,
                    StateStore store, LimitPlans plans, Clock clock, Duration sessionTtl, AdminIo io, AuditLog audit,
                    AdminChanges changes) {
        this.users = users;
        this.keys = keys;
        this.providerRepo = providerRepo;
        this.catalog = catalog;
        this.store = store;
        this.plans = plans;
        this.clock = clock;
        this.sessionTtl = sessionTtl;
        this.io = io;
        this.audit = audit;
        this.changes = changes;
    }

    @Override
    public String root() {
        return "/api/v1";
    }

    @Override
    public List<AdminRoute> routes() {
        return List.of(
                AdminRoute.get("/users/{id}/usage", this::userUsage),
                AdminRoute.post("/users/{id}/usage/reset", (req, res) -> reset(req, res, "user", users::resetUsage, changes::credentialsChanged)),
                AdminRoute.get("/keys/{id}/usage", this::keyUsage),
                AdminRoute.post("/keys/{id}/usage/reset", (req, res) -> reset(req, res, "key", keys::resetUsage, changes::credentialsChanged)),
                AdminRoute.get("/providers/{id}/usage", this::providerUsage),
                AdminRoute.post("/providers/{id}/usage/reset", (req, res) -> reset(req, res, "provider", providerRepo::resetUsage, changes::providersChanged)));
    }

    private void userUsage(ServerRequest req, ServerResponse res) {
        io.id(req, res, "user").ifPresent(id -> users.get(id).ifPresentOrElse(
                u -> io.ok(res, userUsage(u)), () -> io.notFound(res, "user " + id)));
    }

    public UsageView userUsage(UserView u) {
        return view("user", u.id(), plans.user(u), u.limits(), u.costResetAt());
    }

    private void keyUsage(ServerRequest req, ServerResponse res) {
        io.id(req, res, "key").ifPresent(id -> {
            Optional<KeyView> k = keys.get(id);
            Optional<UserView> u = k.flatMap(x -> users.get(x.userId()));
            if (k.isEmpty() || u.isEmpty()) {
                io.notFound(res, "key " + id);
                return;
            }
            io.ok(res, keyUsage(k.get(), u.get()));
        });
    }

    public UsageView keyUsage(KeyView k, UserView u) {
        return view("key", k.id(), plans.key(k), LimitPlans.effectiveKeyLimits(new Principal(k, u)), k.costResetAt());
    }

    private void providerUsage(ServerRequest req, ServerResponse res) {
        io.id(req, res, "provider").ifPresent(id -> catalog.byId(id).ifPresentOrElse(
                p -> io.ok(res, view("provider", p.id(), plans.provider(p), p.limits(), p.totalCostResetAt())),
                () -> io.notFound(res, "provider " + id)));
    }

    private UsageView view(String kind, long id, Subject s, Limits limits, Instant since) {
        long now = clock.millis();
        List<Window> windows = plans.windows(s, limits, now);
        StateStore.Usage u = store.usage(s, windows, sessionTtl.toMillis(), now);
        List<UsageView.Window> out = new ArrayList<>();
        for (Window w : windows) {
            String k = w.kind().wireName();
            long used = u.windowNano().getOrDefault(k, 0L);
            Long reset = u.windowResetAtMs().get(k);
            out.add(new UsageView.Window(k, w.mode().name().toLowerCase(), Money.toUsd(used),
                    w.limited() ? Money.toUsd(w.limitNano()) : null,
                    w.kind() == LimitKind.USD_TOTAL || reset == null ? null : Instant.ofEpochMilli(reset)));
        }
        return new UsageView(kind, id, out, new UsageView.Counter(u.rpm(), limits.rpm()),
                new UsageView.Counter(u.sessions(), limits.concurrentSessions()), since);
    }

    /** Resets a subject's usage windows. */
    @FunctionalInterface
    private interface Resetter {
        boolean reset(long id);
    }

    private void reset(ServerRequest req, ServerResponse res, String kind, Resetter resetter, Runnable changed) {
        io.id(req, res, kind).ifPresent(id -> {
            if (!resetter.reset(id)) {
                io.notFound(res, kind + " " + id);
                return;
            }
            audit.record(AdminAuth.actor(req), kind + ".usage_reset", kind, id, null, null, null);
            changed.run();
            io.noContent(res);
        });
    }
}
