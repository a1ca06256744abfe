package dev.cch.server.upstream;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Enforces upstream deadlines (first byte, streaming idle, total) that a socket timeout cannot express. A watch
 * holds a deadline that the caller may push out cheaply (one volatile write per event); when it passes, the
 * watch fires its action once (interrupt the waiting thread, or drop the connection) and remembers why.
 */
public final class Watchdog implements AutoCloseable {
    private final ScheduledThreadPoolExecutor timer;

    public Watchdog() {
        timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "cch-upstream-watchdog");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    /** Starts watching; {@code timeoutNanos <= 0} means no deadline (the watch never fires). */
    public Watch watch(long timeoutNanos, String reason, Runnable action) {
        Watch w = new Watch(action);
        if (timeoutNanos > 0) {
            w.arm(timeoutNanos, reason);
        }
        return w;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** One watched operation. Thread-safe. */
    public final class Watch {
        private final Runnable action;
        private volatile long deadline;
        private volatile String reason;
        private boolean scheduled;
        private long scheduledFor;
        private boolean fired;
        private boolean done;

        private Watch(Runnable action) {
            this.action = action;
        }

        /** Sets (or moves) the deadline to {@code timeoutNanos} from now, for the given reason. */
        public void arm(long timeoutNanos, String why) {
            long newDeadline = System.nanoTime() + timeoutNanos;
            this.reason = why;
            this.deadline = newDeadline;
            synchronized (this) {
                // pushing the deadline out needs no new timer task: the pending check reschedules itself
                if (!done && (!scheduled || newDeadline < scheduledFor)) {
                    scheduled = true;
                    scheduledFor = newDeadline;
                    timer.schedule(this::check, timeoutNanos, TimeUnit.NANOSECONDS);
                }
            }
        }

        /** Stops watching. Returns true if the watch had already fired. */
        public synchronized boolean disarm() {
            done = true;
            return fired;
        }

        public synchronized boolean fired() {
            return fired;
        }

        /** Why the watch fired (the reason of the deadline that passed), or null. */
        public synchronized String firedReason() {
            return fired ? reason : null;
        }

        private void check() {
            long now = System.nanoTime();
            synchronized (this) {
                scheduled = false;
                if (done || fired) {
                    return;
                }
                long left = deadline - now;
                if (left > 0) {
                    scheduled = true;
                    scheduledFor = deadline;
                    timer.schedule(this::check, left, TimeUnit.NANOSECONDS);
                    return;
                }
                fired = true;
                // acting under the lock: a disarm() that follows sees fired == true, and the action is complete
                action.run();
            }
        }
    }
}
