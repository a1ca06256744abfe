package dev.cch.server.admin;

import dev.cch.protocol.admin.BreakerView;
import dev.cch.protocol.admin.Page;
import dev.cch.server.breakers.SharedBreakers;
import dev.cch.server.providers.Provider;
import dev.cch.server.state.BreakerState;
import dev.cch.server.state.StateStore;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code /api/v1/breakers}: every provider's breaker (shared by all hub nodes), and resets. */
public final class BreakersApi implements AdminRoute.Service {
    private final Supplier<List<Provider>> providers;
    private final StateStore store;
    private final SharedBreakers breakers;
    private final Clock clock;
    private final AdminIo io;
    private final AuditLog audit;

    public BreakersApi(Supplier<List<Provider>> providers, StateStore store, SharedBreakers breakers, Clock clock,
                       AdminIo io, AuditLog audit) {
        this.providers = providers;
        this.store = store;
        this.breakers = breakers;
        this.clock = clock;
        this.io = io;
        this.audit = audit;
    }

    @Override
    public String root() {
        return "/api/v1/breakers";
    }

    @Override
    public List<AdminRoute> routes() {
        return List.of(
                AdminRoute.get("/", (req, res) -> io.ok(res, new Page<>(views(), null))),
                AdminRoute.post("/reset", this::resetAll),
                AdminRoute.post("/{id}/reset", this::reset));
    }

    public List<BreakerView> views() {
        List<Provider> ps = providers.get();
        Map<Long, BreakerState> states = store.breakers(ps.stream().map(Provider::id).toList(), clock.millis());
        return ps.stream().map(p -> view(p, states.getOrDefault(p.id(), BreakerState.INITIAL))).toList();
    }

    private static BreakerView view(Provider p, BreakerState s) {
        return new BreakerView(p.id(), p.name(), s.state(), s.failures(), p.breaker().failureThreshold(),
                s.halfOpenSuccesses(), p.breaker().halfOpenSuccesses(),
                BreakerState.CLOSED.equals(s.state()) ? null : Instant.ofEpochMilli(s.openUntilMs()), p.breaker().openDurationMs());
    }

    private void reset(ServerRequest req, ServerResponse res) {
        io.id(req, res, "provider").ifPresent(id -> {
            Provider p = providers.get().stream().filter(x -> x.id() == id).findFirst().orElse(null);
            if (p == null) {
                io.notFound(res, "provider " + id);
                return;
            }
            breakers.reset(id);
            audit.record(AdminAuth.actor(req), "breaker.reset", "provider", id, p.name(), null, null);
            io.ok(res, view(p, BreakerState.INITIAL));
        });
    }

    private void resetAll(ServerRequest req, ServerResponse res) {
        for (Provider p : providers.get()) {
            breakers.reset(p.id());
        }
        audit.record(AdminAuth.actor(req), "breaker.reset_all", "provider", null, null, null, null);
        io.ok(res, new Page<>(views(), null));
    }
}
