package dev.cch.server.requestlog;

import com.fasterxml.jackson.databind.ObjectMapper;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes request log rows off the hot path: requests enqueue, one writer thread inserts in JDBC batches. When
 * PostgreSQL is down (or the queue is full) rows go to the {@link Spool} on disk and are replayed once the
 * database answers again, so no served request is missing from the books. Inserts are idempotent by request id.
 */
public final class RequestLogWriter implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RequestLogWriter.class.getName());

    private final DataSource dataSource;
    private final String insertSql;
    private final ObjectMapper mapper;
    private final Spool spool;
    private final int batchSize;
    private final Duration flushInterval;
    private final BlockingQueue<RequestLogRow> queue;
    private final Thread writer;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong spooled = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean databaseDown;

    public RequestLogWriter(DataSource dataSource, String insertSql, ObjectMapper mapper, Spool spool, int batchSize,
                            Duration flushInterval, int queueCapacity) {
        this.dataSource = dataSource;
        this.insertSql = insertSql;
        this.mapper = mapper;
        this.spool = spool;
        this.batchSize = batchSize;
        this.flushInterval = flushInterval;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.writer = Thread.ofPlatform().name("cch-request-log-writer").daemon(true).unstarted(this::run);
    }

    public void start() {
        writer.start();
    }

    /** Accepts a row; never blocks and never drops: a full queue spills to the spool. */
    public void enqueue(RequestLogRow row) {
        if (!queue.offer(row)) {
            spool.append(List.of(row));
            spooled.incrementAndGet();
        }
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

    public boolean databaseDown() {
        return databaseDown;
    }

    private void run() {
        List<RequestLogRow> batch = new ArrayList<>(batchSize);
        long lastReplayAttempt = 0;
        while (running || !queue.isEmpty()) {
            try {
                RequestLogRow first = queue.poll(flushInterval.toMillis(), TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, batchSize - 1);
                    write(batch);
                    batch.clear();
                }
                long now = System.nanoTime();
                if (spool.hasRows() && now - lastReplayAttempt > Duration.ofSeconds(2).toNanos()) {
                    lastReplayAttempt = now;
                    replaySpool();
                }
            } catch (InterruptedException e) {
                // close() interrupts to cut the wait short; the loop drains what is left, then ends
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "request log writer failed; rows kept in the spool", e);
            }
        }
        if (!batch.isEmpty()) {
            write(batch);
        }
    }

    private void write(List<RequestLogRow> batch) {
        // close() interrupts only to cut the queue wait short (the loop watches `running`); a pending interrupt would
        // make the connection pool and the spool's FileChannel refuse work, and the batch would be lost on shutdown
        Thread.interrupted();
        try {
            insert(batch);
            written.addAndGet(batch.size());
            if (databaseDown) {
                databaseDown = false;
                LOG.info("request log: database reachable again");
            }
        } catch (SQLException e) {
            if (!databaseDown) {
                LOG.warning("request log: database unavailable (" + e.getMessage() + "); spooling rows to " + spool.directory());
            }
            databaseDown = true;
            Thread.interrupted();
            spool.append(batch);
            spooled.addAndGet(batch.size());
        }
    }

    private void replaySpool() {
        spool.replay(rows -> {
            insert(rows);
            written.addAndGet(rows.size());
        });
    }

    /** Inserts rows in one transaction; duplicates (already replayed) are skipped. */
    void insert(List<RequestLogRow> rows) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(insertSql)) {
            c.setAutoCommit(false);
            for (RequestLogRow r : rows) {
                bind(ps, r);
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        }
    }

    private void bind(PreparedStatement ps, RequestLogRow r) throws SQLException {
        int i = 1;
        ps.setString(i++, r.requestId());
        ps.setTimestamp(i++, Timestamp.from(r.createdAt()));
        ps.setTimestamp(i++, r.finishedAt() == null ? null : Timestamp.from(r.finishedAt()));
        setLong(ps, i++, r.userId());
        setLong(ps, i++, r.keyId());
        setLong(ps, i++, r.providerId());
        ps.setString(i++, r.clientProtocol());
        ps.setString(i++, r.providerType());
        ps.setString(i++, r.endpoint());
        ps.setString(i++, r.model());
        ps.setString(i++, r.upstreamModel());
        ps.setString(i++, r.actualModel());
        ps.setString(i++, r.billingModel());
        ps.setBoolean(i++, r.stream());
        ps.setInt(i++, r.statusCode());
        ps.setString(i++, r.errorKind());
        ps.setString(i++, r.errorMessage());
        ps.setString(i++, r.blockedBy());
        ps.setLong(i++, r.inputTokens());
        ps.setLong(i++, r.outputTokens());
        ps.setLong(i++, r.cacheReadTokens());
        ps.setLong(i++, r.cacheWrite5mTokens());
        ps.setLong(i++, r.cacheWrite1hTokens());
        ps.setLong(i++, r.reasoningTokens());
        ps.setBigDecimal(i++, r.costUsd());
        ps.setString(i++, r.costBreakdown() == null ? null : r.costBreakdown().toString());
        ps.setBoolean(i++, r.priceMissing());
        ps.setBigDecimal(i++, r.costMultiplier());
        ps.setBigDecimal(i++, r.groupMultiplier());
        setInt(ps, i++, r.ttfbMs());
        setInt(ps, i++, r.ttftMs());
        setInt(ps, i++, r.durationMs());
        ps.setString(i++, r.sessionId());
        ps.setInt(i++, r.attempts());
        ps.setString(i++, r.decisionChain() == null ? null : r.decisionChain().toString());
        ps.setString(i++, r.clientIp());
        ps.setString(i, r.userAgent());
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    private static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
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

    ObjectMapper mapper() {
        return mapper;
    }
}
