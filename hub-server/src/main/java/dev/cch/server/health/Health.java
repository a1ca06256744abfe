package dev.cch.server.health;

import dev.cch.protocol.admin.HealthView;
import dev.cch.server.state.ClockSkew;
import dev.cch.server.state.StateStore;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The hub's health: {@code up}; {@code degraded} when the state store (Redis) is unreachable and limits fail open, or
 * when the database is unreachable and keys are served from cache while log rows are spooled. The checks also show
 * what the request log has waiting on disk. Ready only between start-up and the start of shutdown (a node without
 * its database still serves, so it stays in the balancer). The
 * database check is cached for a second so that health probes cannot load it.
 */
public final class Health {
    private final BooleanSupplier database;
    private final StateStore state;
    private final String version;
    private final Supplier<Map<String, String>> more;
    private final AtomicBoolean ready = new AtomicBoolean();
    private volatile long checkedAt;
    private volatile boolean databaseUp;

    public Health(BooleanSupplier database, StateStore state, String version) {
        this(database, state, version, Map::of);
    }

    /** With further checks that inform without changing the status (the request log's spool and quarantine). */
    public Health(BooleanSupplier database, StateStore state, String version, Supplier<Map<String, String>> more) {
        this.database = database;
        this.state = state;
        this.version = version;
        this.more = more;
    }

    public void ready(boolean r) {
        ready.set(r);
    }

    public boolean isReady() {
        return ready.get();
    }

    public HealthView view() {
        long now = System.nanoTime();
        if (now - checkedAt > Duration.ofSeconds(1).toNanos()) {
            databaseUp = database.getAsBoolean();
            checkedAt = now;
        }
        boolean stateUp = state.available();
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("database", databaseUp ? "up" : "down");
        checks.put("stateStore", state.kind() + (stateUp ? ":up" : ":down"));
        long skew = state.clockSkewMs();
        if (Math.abs(skew) > ClockSkew.TOLERATED_MS) {
            checks.put("clock", "this node's clock is " + Math.abs(skew) / 1000 + " s " + (skew > 0 ? "ahead of" : "behind")
                    + " the state store's");
        }
        new TreeMap<>(more.get()).forEach(checks::put);
        // without its database the hub still serves (keys from cache, rows spooled): degraded, and still ready
        String status = databaseUp && stateUp ? "up" : "degraded";
        return new HealthView(status, ready.get(), version, checks);
    }
}
