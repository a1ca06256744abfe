package dev.cch.server.breakers;

import dev.cch.server.limits.LimitPlans;
import dev.cch.server.pipeline.ErrorKind;
import dev.cch.server.providers.Provider;
import dev.cch.server.state.BreakerState;
import dev.cch.server.state.LocalStateStore;
import dev.cch.server.state.Settlement;
import dev.cch.server.testing.MutableClock;
import dev.cch.server.testing.Providers;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every breaker transition reaches every node's listeners once: the opening where it happened at once, and on the
 * node that never saw the failures, the half-open when the open time runs out, the close after successes and an
 * admin reset by reading the shared state.
 */
class BreakerWatchTest {
    final MutableClock clock = MutableClock.atNow();
    final LocalStateStore store = new LocalStateStore();
    final Provider p = Providers.claude(1, 1, 0);
    final SharedBreakers here = new SharedBreakers(store, clock);
    final SharedBreakers there = new SharedBreakers(store, clock); // another node on the same store
    final List<String> heard = new ArrayList<>();
    final List<String> heardThere = new ArrayList<>();

    BreakerWatchTest() {
        here.onTransition((provider, st) -> heard.add(st.state()));
        there.onTransition((provider, st) -> heardThere.add(st.state()));
    }

    @Test
    void everyTransitionIsHeardOnceOnEveryNode() {
        BreakerWatch watchHere = new BreakerWatch(here, store, () -> List.of(p), clock, 0);
        BreakerWatch watchThere = new BreakerWatch(there, store, () -> List.of(p), clock, 0);
        for (int i = 0; i < p.breaker().failureThreshold(); i++) {
            here.recordFailure(p, ErrorKind.UPSTREAM_5XX);
        }
        watchHere.poll();
        watchThere.poll();
        assertThat(heard).containsExactly(BreakerState.OPEN);
        assertThat(heardThere).as("the node that never saw the failures").containsExactly(BreakerState.OPEN);

        clock.advance(Duration.ofMillis(p.breaker().openDurationMs()));
        watchHere.poll();
        watchThere.poll();
        assertThat(heard).endsWith(BreakerState.HALF_OPEN);
        assertThat(heardThere).endsWith(BreakerState.HALF_OPEN);

        for (int i = 0; i < p.breaker().halfOpenSuccesses(); i++) {
            store.settle(new Settlement(clock.millis(), "ok", 0, List.of(), null, 300_000, null, null,
                    new Settlement.Success(p.id(), LimitPlans.breakerConfig(p))));
        }
        watchHere.poll();
        watchThere.poll();
        assertThat(heard).containsExactly(BreakerState.OPEN, BreakerState.HALF_OPEN, BreakerState.CLOSED);
        assertThat(heardThere).containsExactly(BreakerState.OPEN, BreakerState.HALF_OPEN, BreakerState.CLOSED);

        for (int i = 0; i < p.breaker().failureThreshold(); i++) {
            here.recordFailure(p, ErrorKind.UPSTREAM_5XX);
        }
        watchThere.poll();
        there.reset(p.id()); // an admin on the other node
        watchHere.poll();
        watchThere.poll();
        assertThat(heard).endsWith(BreakerState.OPEN, BreakerState.CLOSED);
        assertThat(heardThere).endsWith(BreakerState.OPEN, BreakerState.CLOSED);
    }
}
