package dev.cch.server.breakers;

import dev.cch.server.providers.Provider;
import dev.cch.server.state.BreakerState;
import dev.cch.server.state.StateStore;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Reads every provider's shared breaker state once a second and tells this node's listeners (live events, metrics,
 * notifications) of each change, wherever it happened: opened on another node, gone half-open because its time ran
 * out, closed by successes, or reset by an admin anywhere. While the store is unreachable nothing is read into it.
 */
public final class BreakerWatch implements AutoCloseable {
    private final SharedBreakers breakers;
    private final StateStore store;
    private final Supplier<List<Provider>> providers;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    /** @param everyMs how often to read; 0 for none in the background (tests call {@link #poll()}) */
    public BreakerWatch(SharedBreakers breakers, StateStore store, Supplier<List<Provider>> providers, Clock clock, long everyMs) {
        this.breakers = breakers;
        this.store = store;
        this.providers = providers;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon(true)
                .name("cch-breaker-watch").unstarted(r));
        if (everyMs > 0) {
            timer.scheduleWithFixedDelay(this::pollQuietly, everyMs, everyMs, TimeUnit.MILLISECONDS);
        }
    }

    /** Reads the shared states and announces the changes. */
    public void poll() {
        List<Provider> ps = providers.get();
        if (ps.isEmpty() || !store.available()) {
            return;
        }
        Map<Long, BreakerState> states = store.breakers(ps.stream().map(Provider::id).toList(), clock.millis());
        if (!store.available() || states.isEmpty()) {
            return; // the read failed open: it says nothing about the breakers
        }
        for (Provider p : ps) {
            BreakerState st = states.get(p.id());
            if (st != null) {
                breakers.seen(p, st);
            }
        }
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            // a failed read is retried on the next tick
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
