package dev.cch.server.requestlog;

import io.helidon.dbclient.DbClient;
import dev.cch.server.db.Rows;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes request log rows older than the retention setting, in small batches so the log stays writable meanwhile.
 * The hourly rollups are kept, so statistics outlive the rows they came from.
 */
public final class Retention implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Retention.class.getName());
    private static final int BATCH = 5_000;
    private final DbClient db;
    private final Clock clock;
    private final IntSupplier days;
    private final ScheduledExecutorService timer;

    public Retention(DbClient db, Clock clock, IntSupplier days) {
        this.db = db;
        this.clock = clock;
        this.days = days;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon(true)
                .name("cch-log-retention").unstarted(r));
        timer.scheduleWithFixedDelay(() -> {
            try {
                purge();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "request log retention failed; retrying in an hour", e);
            }
        }, 2, 60, TimeUnit.MINUTES);
    }

    /** Deletes what is past retention; returns the number of rows deleted. */
    public long purge() {
        int keep = days.getAsInt();
        if (keep <= 0) {
            return 0;
        }
        var cutoff = Rows.param(clock.instant().minus(Duration.ofDays(keep)));
        long total = 0;
        long n;
        do {
            n = db.execute().createNamedDelete("request-log-purge").addParam("cutoff", cutoff).addParam("batch", BATCH)
                    .execute();
            total += n;
        } while (n == BATCH);
        db.execute().createNamedDelete("session-usage-purge").addParam("cutoff", cutoff).execute();
        if (total > 0) {
            LOG.info("deleted " + total + " request log rows older than " + keep + " days");
        }
        return total;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
