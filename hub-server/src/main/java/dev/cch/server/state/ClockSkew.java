package dev.cch.server.state;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * How far this node's clock is from the shared store's. Nothing in the store depends on the two agreeing (key
 * lifetimes are relative to the caller's now), but each node picks calendar windows, RPM minutes, session TTLs and
 * breaker times by its own clock, so nodes must agree with each other: a node further off than
 * {@link #TOLERATED_MS} from Redis is warned about in the log and in health.
 */
public final class ClockSkew {
    /** Node clocks further off than this from Redis' (and so, likely, from each other) are reported. */
    public static final long TOLERATED_MS = 5_000;
    private static final Logger LOG = Logger.getLogger(ClockSkew.class.getName());
    private static final long EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Clock clock;
    private volatile long ms;
    private volatile long measuredAt;
    private volatile boolean measured;

    ClockSkew(Clock clock) {
        this.clock = clock;
    }

    /** Milliseconds this node is ahead of the store (negative: behind), as last measured. */
    long ms() {
        return ms;
    }

    /** True when the last measurement is a minute old, or there was none. */
    boolean due() {
        return !measured || System.nanoTime() - measuredAt > EVERY_NANOS;
    }

    /**
     * Measures against the store's time ({@code TIME}: seconds and microseconds as strings), allowing half the
     * round trip, and warns once each time the skew goes past the tolerance.
     */
    void measure(Supplier<List<String>> storeTime) {
        long before = clock.millis();
        List<String> time = storeTime.get();
        long after = clock.millis();
        long storeMs = Long.parseLong(time.get(0)) * 1000 + Long.parseLong(time.get(1)) / 1000;
        long skew = before + (after - before) / 2 - storeMs;
        boolean wasOff = measured && Math.abs(ms) > TOLERATED_MS;
        ms = skew;
        measuredAt = System.nanoTime();
        measured = true;
        if (Math.abs(skew) > TOLERATED_MS && !wasOff) {
            LOG.warning("this node's clock is " + Duration.ofMillis(Math.abs(skew)) + (skew > 0 ? " ahead of" : " behind")
                    + " Redis'; spend lands in the calendar window of this node's clock and RPM, sessions and breakers"
                    + " run on it, so keep every node's clock synchronised (NTP)");
        }
    }
}
