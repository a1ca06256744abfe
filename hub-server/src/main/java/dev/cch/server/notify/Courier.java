package dev.cch.server.notify;

import dev.cch.protocol.admin.WebhookTestResult;
import dev.cch.server.observe.ThrottledWarning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers notifications in the background so that no request ever waits for a chat platform: a bounded amount of
 * work in flight (more is dropped and counted), retries with exponential backoff when trying again could help,
 * and each target's last result recorded. Other background work of the notifications (spend checks, schedules)
 * runs on the same two threads under the same bound.
 */
public final class Courier implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Courier.class.getName());

    private final Channels channels;
    private final WebhookSender sender;
    private final Outcomes outcomes;
    private final Clock clock;
    private final int capacity;
    private final int attempts;
    private final Duration firstRetry;
    private final ScheduledThreadPoolExecutor executor;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final ThrottledWarning full = new ThrottledWarning(LOG, Duration.ofMinutes(1));

    /** Where each target's last result is kept. */
    @FunctionalInterface
    public interface Outcomes {
        void record(long targetId, Instant at, String result);
    }

    public Courier(Channels channels, WebhookSender sender, Outcomes outcomes, Clock clock, int capacity,
                   int attempts, Duration firstRetry) {
        this.channels = channels;
        this.sender = sender;
        this.outcomes = outcomes;
        this.clock = clock;
        this.capacity = capacity;
        this.attempts = Math.max(1, attempts);
        this.firstRetry = firstRetry;
        this.executor = new ScheduledThreadPoolExecutor(2, r -> {
            Thread t = new Thread(r, "cch-notify");
            t.setDaemon(true);
            return t;
        });
        this.executor.setRemoveOnCancelPolicy(true);
        // retries still waiting at shutdown are given up, not waited for
        this.executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Queues a notice for a target; false (and counted) when the queue is full. Never blocks. */
    public boolean deliver(Target target, Notice notice) {
        return submit(() -> attempt(target, notice, 1));
    }

    /** Runs background work of the notifications under the same bound; false (and counted) when full. */
    public boolean submit(Runnable work) {
        if (pending.incrementAndGet() > capacity) {
            pending.decrementAndGet();
            drop();
            return false;
        }
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "notification work failed", e);
                } finally {
                    pending.decrementAndGet();
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            pending.decrementAndGet();
            drop();
            return false;
        }
    }

    /** Runs {@code work} every {@code period} in the background until closed (schedules, housekeeping). */
    public void every(Duration period, Runnable work) {
        executor.scheduleWithFixedDelay(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "scheduled notification work failed", e);
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One attempt now, on the caller's thread, with its result recorded: the admin's test button. */
    public WebhookTestResult deliverNow(Target target, Notice notice) {
        WebhookSender.Result r = send(target, notice);
        record(target, r, 1);
        return new WebhookTestResult(r.delivered(), r.status(), r.latencyMs(), r.message());
    }

    public long droppedCount() {
        return dropped.get();
    }

    /** Deliveries and other work waiting or running (retries waiting for their backoff included). */
    public int queueDepth() {
        return pending.get();
    }

    private void attempt(Target target, Notice notice, int number) {
        WebhookSender.Result r = send(target, notice);
        if (!r.delivered() && r.retryable() && number < attempts) {
            long delay = firstRetry.toMillis() << (number - 1);
            pending.incrementAndGet();
            try {
                executor.schedule(() -> {
                    try {
                        attempt(target, notice, number + 1);
                    } finally {
                        pending.decrementAndGet();
                    }
                }, delay, TimeUnit.MILLISECONDS);
                return;
            } catch (RejectedExecutionException e) {
                pending.decrementAndGet();
            }
        }
        record(target, r, number);
    }

    private WebhookSender.Result send(Target target, Notice notice) {
        return sender.send(channels.shape(target, notice), target.secret().reveal());
    }

    private void record(Target target, WebhookSender.Result r, int number) {
        String result = (r.delivered() ? "success: " : "failure: ") + r.message()
                + (number > 1 ? " (attempt " + number + ")" : "");
        if (!r.delivered()) {
            LOG.warning("notification to " + target.name() + " failed: " + result);
        }
        try {
            outcomes.record(target.id(), clock.instant(), result);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not record the result of a notification to " + target.name(), e);
        }
    }

    private void drop() {
        dropped.incrementAndGet();
        full.warn(() -> "notification queue full (" + capacity + "); dropped " + dropped.get() + " so far");
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
