package dev.cch.server.requestlog;

import dev.cch.server.observe.ThrottledWarning;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes request log rows off the hot path: requests enqueue, one writer thread inserts them in JDBC batches. When
 * an insert fails for an outage the writer stops asking the database: it spills what it is given to the {@link Spool}
 * once per flush interval, a probe on a thread of its own asks the database once a second, and the spool is replayed
 * once it answers. So a crash loses at most the rows of the last flush interval (and of the one insert that noticed
 * the outage, bounded by the log pool's half-second wait). Request threads never touch files: a full queue makes
 * them wait up to a second for room, then the row is counted as lost. Inserts are idempotent by request id.
 */
public final class RequestLogWriter implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RequestLogWriter.class.getName());
    private static final long PROBE_EVERY = Duration.ofSeconds(1).toNanos();
    private static final long REPLAY_EVERY = Duration.ofSeconds(2).toNanos();
    private static final long HAND_OFF_WAIT_MS = 1_000;

    private final LogTable table;
    private final Spool spool;
    private final Quarantine quarantine;
    private final int batchSize;
    private final int capacity;
    private final Duration flushInterval;
    private final BlockingQueue<RequestLogRow> queue;
    private final Thread writer;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong spooled = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final ThrottledWarning lostWarning = new ThrottledWarning(LOG, Duration.ofSeconds(10));
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile boolean running = true;
    private volatile boolean databaseDown;
    private volatile boolean databaseBack;
    private long nextProbe;

    public RequestLogWriter(DataSource dataSource, String insertSql, Spool spool, Quarantine quarantine, int batchSize,
                            Duration flushInterval, int queueCapacity) {
        this.table = new LogTable(dataSource, insertSql, quarantine);
        this.spool = spool;
        this.quarantine = quarantine;
        this.batchSize = batchSize;
        this.capacity = queueCapacity;
        this.flushInterval = flushInterval;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.writer = Thread.ofPlatform().name("cch-request-log-writer").daemon(true).unstarted(this::run);
    }

    public void start() {
        writer.start();
    }

    /** Accepts a row; when the queue is full, waits up to a second for room (the writer always drains), then drops it. */
    public void enqueue(RequestLogRow row) {
        try {
            if (queue.offer(row) || queue.offer(row, HAND_OFF_WAIT_MS, TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long n = lost.incrementAndGet();
        lostWarning.warn(() -> "request log: queue full for a second, row of request " + row.requestId()
                + " lost (" + n + " lost since start)");
    }

    public int queueDepth() {
        return queue.size();
    }

    public long written() {
        return written.get();
    }

    public long spooledRows() {
        return spooled.get();
    }

    /** Rows dropped because the queue stayed full (the disk could not keep up either). */
    public long lostRows() {
        return lost.get();
    }

    public boolean databaseDown() {
        return databaseDown;
    }

    private void run() {
        List<RequestLogRow> batch = new ArrayList<>(batchSize);
        long lastReplay = System.nanoTime() - REPLAY_EVERY;
        while (running || !queue.isEmpty() || !batch.isEmpty()) {
            try {
                if (databaseDown && databaseBack) {
                    databaseDown = false;
                    LOG.info("request log: database reachable again");
                }
                if (batch.size() < capacity) {
                    collect(batch);
                } else {
                    LockSupport.parkNanos(flushInterval.toNanos()); // the spool is failing: retry, take no more
                }
                if (!batch.isEmpty()) {
                    store(batch);
                    batch.clear();
                }
                if (databaseDown) {
                    probe();
                } else if (System.nanoTime() - lastReplay > REPLAY_EVERY) {
                    lastReplay = System.nanoTime();
                    replaySpool(); // lists the directory, so a file moved there by hand is replayed too
                }
            } catch (InterruptedException e) {
                // close() interrupts to cut the wait short; the loop drains what is left, then ends
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "request log: cannot store " + batch.size() + " rows; keeping them, retrying", e);
                if (!running) {
                    break;
                }
            }
        }
    }

    /**
     * Waits up to the flush interval for a first row. While the database answers, takes a batch at once; while it is
     * down, gathers rows for one flush interval, so an outage writes a few spool files a second, not one per row.
     */
    private void collect(List<RequestLogRow> batch) throws InterruptedException {
        RequestLogRow first = queue.poll(flushInterval.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
            return;
        }
        batch.add(first);
        if (!databaseDown) {
            queue.drainTo(batch, batchSize - 1);
            return;
        }
        long deadline = System.nanoTime() + flushInterval.toNanos();
        for (long left; running && (left = deadline - System.nanoTime()) > 0; ) {
            RequestLogRow next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            batch.add(next);
            queue.drainTo(batch);
        }
    }

    /** Into the table, or onto disk during an outage; throws (keeping nothing) only if the spool cannot be written. */
    private void store(List<RequestLogRow> batch) {
        // close() interrupts only to cut the queue wait short (the loop watches `running`); a pending interrupt would
        // make the connection pool and the spool's FileChannel refuse work, and the batch would be lost on shutdown
        Thread.interrupted();
        if (!databaseDown) {
            try {
                table.insert(batch);
                written.addAndGet(batch.size());
                return;
            } catch (SQLException e) { // an outage: LogTable has quarantined any row PostgreSQL refused as data
                LOG.warning("request log: database unavailable (" + InsertFailure.describe(e) + "); spooling rows to "
                        + spool.directory() + " until it answers again");
                databaseDown = true;
                databaseBack = false;
                nextProbe = System.nanoTime() + PROBE_EVERY;
                Thread.interrupted();
                queue.drainTo(batch); // what queued while the insert waited goes to disk now as well
            }
        }
        spool.append(batch);
        spooled.addAndGet(batch.size());
    }

    /** Asks the database once a second, on a thread of its own, so spilling never waits for the answer. */
    private void probe() {
        long now = System.nanoTime();
        if (now - nextProbe < 0 || !probing.compareAndSet(false, true)) {
            return;
        }
        nextProbe = now + PROBE_EVERY;
        Thread.ofPlatform().name("cch-request-log-probe").daemon(true).start(() -> {
            try {
                if (table.reachable()) {
                    databaseBack = true;
                }
            } finally {
                probing.set(false);
            }
        });
    }

    private void replaySpool() {
        spool.replay(rows -> {
            table.insert(rows);
            written.addAndGet(rows.size());
        });
    }

    /** Stops taking the time-based path: drains the queue into the database (or the spool) and returns. */
    @Override
    public void close() {
        running = false;
        writer.interrupt();
        try {
            writer.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<RequestLogRow> left = new ArrayList<>();
        queue.drainTo(left);
        if (!left.isEmpty()) {
            spool.append(left);
        }
    }

    /** The spool's and the quarantine's contents, for health and metrics. */
    public Backlog backlog() {
        return new Backlog(spool.rows(), spool.files(), quarantine.rows());
    }

    /** Rows waiting in the spool (and in how many files), and rows set aside because PostgreSQL refused them. */
    public record Backlog(long spooledRows, long spoolFiles, long quarantinedRows) {
        /** For /health: rows waiting or set aside are never silent. */
        public Map<String, String> checks() {
            return Map.of("logSpool", spooledRows == 0 && spoolFiles == 0 ? "empty"
                            : spooledRows + " rows in " + spoolFiles + " files waiting",
                    "logQuarantine", quarantinedRows == 0 ? "empty"
                            : quarantinedRows + " rows refused by PostgreSQL, set aside");
        }
    }

    public long quarantinedRows() {
        return quarantine.added();
    }
}
