package dev.cch.server.proxy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts proxied requests in progress, so shutdown can wait for them to finish. */
public final class InFlight {
    private final AtomicInteger count = new AtomicInteger();
    private final Object lock = new Object();

    public void enter() {
        count.incrementAndGet();
    }

    public void leave() {
        if (count.decrementAndGet() == 0) {
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }

    public int count() {
        return count.get();
    }

    /** Waits until nothing is in flight or the timeout passes; returns how many are still running. */
    public int awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (count.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
        }
        return count.get();
    }
}
