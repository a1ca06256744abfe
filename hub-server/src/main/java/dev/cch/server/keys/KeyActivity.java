package dev.cch.server.keys;

import dev.cch.server.billing.Cost;
import dev.cch.server.pipeline.Exchange;
import dev.cch.server.pipeline.FinishListener;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * When each key was last used, coalesced: a request only notes its key in memory, and every few seconds one write per
 * key used since brings {@code last_used_at} forward. While the database is away the notes wait for the next flush.
 */
public final class KeyActivity implements FinishListener, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(KeyActivity.class.getName());

    private final BiConsumer<Long, Instant> store;
    private final Clock clock;
    private final Map<Long, Instant> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher;

    /** @param store writes one key's last use; {@code every} is how often, 0 for no background flush (tests) */
    public KeyActivity(BiConsumer<Long, Instant> store, Clock clock, long everyMs) {
        this.store = store;
        this.clock = clock;
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon(true)
                .name("cch-key-activity").unstarted(r));
        if (everyMs > 0) {
            flusher.scheduleWithFixedDelay(this::flush, everyMs, everyMs, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void finished(Exchange ex, Cost cost) {
        if (ex.principal() != null && ex.principal().key() != null) {
            pending.merge(ex.principal().key().id(), clock.instant(), (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /** Writes every key used since the last flush; a key whose write fails stays for the next one. */
    public int flush() {
        int written = 0;
        for (Long id : pending.keySet()) {
            Instant at = pending.remove(id);
            if (at == null) {
                continue;
            }
            try {
                store.accept(id, at);
                written++;
            } catch (RuntimeException e) {
                pending.merge(id, at, (a, b) -> a.isAfter(b) ? a : b);
                LOG.fine("key activity not written yet: " + e.getMessage());
                break; // the database is likely away: try the rest next time
            }
        }
        return written;
    }

    @Override
    public void close() {
        flusher.shutdownNow();
        flush();
    }
}
