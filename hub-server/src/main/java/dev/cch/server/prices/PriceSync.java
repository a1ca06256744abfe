package dev.cch.server.prices;

import dev.cch.server.billing.Price;
import dev.cch.server.billing.PriceRepository;

import dev.cch.protocol.admin.PriceSyncResult;

import java.io.IOException;
import dev.cch.server.upstream.http.OutboundHttp;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fetches a price list (http(s) URL, or a local file for the configured source) and writes it: new models added,
 * changed ones updated, manual prices never touched. Runs on demand and, when a source is configured, on a schedule.
 * Models that disappear from the source are kept (a price that vanished upstream is still the best one known).
 */
public final class PriceSync implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PriceSync.class.getName());
    private static final int MAX_BYTES = 32 * 1024 * 1024;
    private final PriceRepository repo;
    private final Runnable changed;
    private final Clock clock;
    private final Supplier<String> configuredSource;
    private final IntSupplier everyHours;
    private volatile Instant lastRun;
    private final OutboundHttp http;
    private final ScheduledExecutorService timer;

    /** Why a sync could not run: the source could not be fetched or read. */
    public static final class SourceProblem extends RuntimeException {
        public SourceProblem(String message) {
            super(message);
        }
    }

    /**
     * @param configuredSource the source from the settings (empty: none)
     * @param everyHours       hours between scheduled syncs from the settings (0: only on demand)
     * @param blockPrivateAddresses refuse a source that resolves inside the network, at every connect
     */
    public PriceSync(PriceRepository repo, Runnable changed, Clock clock, Supplier<String> configuredSource,
                     IntSupplier everyHours, boolean blockPrivateAddresses) {
        this.http = new OutboundHttp(Duration.ofSeconds(30), blockPrivateAddresses);
        this.repo = repo;
        this.changed = changed;
        this.clock = clock;
        this.configuredSource = configuredSource;
        this.everyHours = everyHours;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon(true)
                .name("cch-price-sync").unstarted(r));
        timer.scheduleWithFixedDelay(this::tick, 10, 60, TimeUnit.SECONDS);
    }

    /** Runs a scheduled sync when one is due: a source is set, syncs are scheduled, and the last one is old enough. */
    public void tick() {
        String source = configuredSource.get();
        int hours = everyHours.getAsInt();
        Instant last = lastRun;
        if (source == null || source.isBlank() || hours <= 0
                || (last != null && clock.instant().isBefore(last.plus(Duration.ofHours(hours))))) {
            return;
        }
        lastRun = clock.instant();
        try {
            PriceSyncResult r = sync(source);
            LOG.info("price sync from " + source + ": " + r.added() + " added, " + r.updated() + " updated, "
                    + r.keptManual() + " manual kept");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "scheduled price sync failed: " + e.getMessage());
        }
    }

    /** Syncs from {@code source} (null: the configured one). */
    public PriceSyncResult sync(String source) {
        String from = source == null || source.isBlank() ? configuredSource.get() : source.trim();
        if (from == null || from.isBlank()) {
            throw new SourceProblem("no price source is configured (hub.prices.sync.url) and none was given");
        }
        List<Price> prices;
        try {
            prices = PriceSources.parse(from, fetch(from));
        } catch (IllegalArgumentException e) {
            throw new SourceProblem(e.getMessage());
        }
        if (prices.isEmpty()) {
            throw new SourceProblem("the source lists no chat model prices");
        }
        Map<PriceRepository.SyncOutcome, Integer> counts = new EnumMap<>(PriceRepository.SyncOutcome.class);
        repo.sync(prices).values().forEach(o -> counts.merge(o, 1, Integer::sum));
        changed.run();
        return new PriceSyncResult(from, counts.getOrDefault(PriceRepository.SyncOutcome.ADDED, 0),
                counts.getOrDefault(PriceRepository.SyncOutcome.UPDATED, 0),
                counts.getOrDefault(PriceRepository.SyncOutcome.UNCHANGED, 0),
                counts.getOrDefault(PriceRepository.SyncOutcome.KEPT_MANUAL, 0), 0, clock.instant());
    }

    private String fetch(String source) {
        if (!source.startsWith("http://") && !source.startsWith("https://")) {
            try {
                Path p = Path.of(source.startsWith("file:") ? URI.create(source).getPath() : source);
                if (Files.size(p) > MAX_BYTES) {
                    throw new SourceProblem("the price file is larger than 32 MB");
                }
                return Files.readString(p, StandardCharsets.UTF_8);
            } catch (IOException | IllegalArgumentException e) {
                throw new SourceProblem("cannot read " + source + ": " + e.getMessage());
            }
        }
        try {
            OutboundHttp.Answer r = http.get(URI.create(source),
                    Map.of("accept", "application/json, application/toml, text/plain"), MAX_BYTES);
            if (r.status() / 100 == 3) {
                throw new SourceProblem(source + " answered HTTP " + r.status() + "; redirects are not followed, give the"
                        + " address it points to");
            }
            if (r.status() != 200) {
                throw new SourceProblem(source + " answered HTTP " + r.status());
            }
            if (r.body().length > MAX_BYTES) {
                throw new SourceProblem("the price list is larger than 32 MB");
            }
            return new String(r.body(), StandardCharsets.UTF_8);
        } catch (IOException | IllegalArgumentException e) {
            throw new SourceProblem("cannot fetch " + source + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        http.close();
    }
}
