package dev.cch.server.breakers;

import dev.cch.server.limits.LimitPlans;
import dev.cch.server.pipeline.ErrorKind;
import dev.cch.server.providers.Provider;
import dev.cch.server.routing.Breakers;
import dev.cch.server.state.BreakerState;
import dev.cch.server.state.StateStore;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Circuit breakers per provider, kept in the state store so every hub node sees the same state. Failures are
 * counted there as they happen; successes are settled with the rest of a finished request (no extra round trip).
 * This node remembers the last state it saw, for gating attempts and describing them in decision chains.
 */
public final class SharedBreakers implements Breakers {
    private final StateStore store;
    private final Clock clock;
    private final Map<Long, BreakerState> known = new ConcurrentHashMap<>();
    private final List<Transition> listeners = new CopyOnWriteArrayList<>();
    /** The state last announced to the listeners, per provider (absent: closed). */
    private final Map<Long, String> announced = new ConcurrentHashMap<>();

    /** Told when a breaker changes state (to publish events and notifications). */
    @FunctionalInterface
    public interface Transition {
        void changed(Provider provider, BreakerState state);
    }

    public SharedBreakers(StateStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public void onTransition(Transition t) {
        listeners.add(t);
    }

    /** Takes in the states an admission read, so gating uses fresh shared state. */
    public void observe(Map<Long, BreakerState> states) {
        known.putAll(states);
    }

    @Override
    public boolean allows(Provider p) {
        BreakerState st = known.get(p.id());
        return st == null || !BreakerState.OPEN.equals(st.state()) || clock.millis() >= st.openUntilMs();
    }

    @Override
    public void recordFailure(Provider p, ErrorKind kind) {
        if (!kind.countsForBreaker()) {
            return;
        }
        BreakerState st = store.recordFailure(p.id(), LimitPlans.breakerConfig(p), clock.millis());
        known.put(p.id(), st);
        if (st.changed()) {
            seen(p, st);
        }
    }

    @Override
    public void recordSuccess(Provider p) {
        BreakerState st = known.get(p.id());
        if (st != null && BreakerState.CLOSED.equals(st.state()) && st.failures() > 0) {
            known.put(p.id(), BreakerState.INITIAL);
        }
    }

    /** A provider's breaker after an admin reset. */
    public void reset(long providerId) {
        store.resetBreaker(providerId);
        known.remove(providerId);
    }

    /**
     * A breaker state seen here or read from the shared store: the listeners hear of it once per change of state,
     * whichever node changed it (see {@link BreakerWatch}).
     */
    public void seen(Provider p, BreakerState st) {
        String before = announced.put(p.id(), st.state());
        if (!st.state().equals(before == null ? BreakerState.CLOSED : before)) {
            listeners.forEach(l -> l.changed(p, st));
        }
    }

    @Override
    public String describe(Provider p) {
        BreakerState st = known.get(p.id());
        if (st == null) {
            return "closed";
        }
        return switch (st.state()) {
            case BreakerState.OPEN -> "open until " + Instant.ofEpochMilli(st.openUntilMs()) + " (" + st.failures() + " failures)";
            case BreakerState.HALF_OPEN -> "half_open (" + st.halfOpenSuccesses() + "/" + p.breaker().halfOpenSuccesses() + " successes)";
            default -> st.failures() == 0 ? "closed" : "closed (" + st.failures() + "/" + p.breaker().failureThreshold() + " failures)";
        };
    }
}
