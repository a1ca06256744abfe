package dev.cch.server.observe;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Logger;

/** A warning about something that can repeat per request (a full queue, a dead endpoint), logged at most once per interval. */
public final class ThrottledWarning {
    private final Logger log;
    private final long intervalNanos;
    private final AtomicLong last;

    public ThrottledWarning(Logger log, Duration interval) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
        this.last = new AtomicLong(System.nanoTime() - intervalNanos - 1);
    }

    public void warn(Supplier<String> message) {
        long now = System.nanoTime();
        long previous = last.get();
        if (now - previous > intervalNanos && last.compareAndSet(previous, now)) {
            log.warning(message.get());
        }
    }
}
