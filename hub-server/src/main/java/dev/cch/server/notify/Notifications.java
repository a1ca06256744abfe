package dev.cch.server.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.admin.WebhookTestResult;
import dev.cch.server.config.HubConfig;
import dev.cch.server.upstream.http.OutboundHttp;
import dev.cch.server.crypto.SecretCipher;
import dev.cch.server.limits.LimitPlans;
import dev.cch.server.providers.Provider;
import dev.cch.server.state.BreakerState;
import dev.cch.server.state.StateStore;
import dev.cch.server.stats.StatsService;
import io.helidon.dbclient.DbClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Notifications, as the rest of the hub sees them: the targets (admin API), breaker openings, spend alerts (a
 * finish listener), the daily leaderboard schedule, and the test button. Targets are cached for a few seconds and
 * reloaded on this node's changes; each notification that must go out once is claimed in the database first, so
 * several hub nodes send it once.
 */
public final class Notifications implements AutoCloseable {
    private static final Duration TARGETS_TTL = Duration.ofSeconds(10);
    private static final int CLAIM_MEMORY = 10_000;

    private final WebhookRepository repo;
    private final Courier courier;
    private final Clock clock;
    private final SpendWatch spendWatch;
    private final DailyDigest digest;
    private final Set<String> claimed = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>(256, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > CLAIM_MEMORY;
                }
            }));
    private volatile List<Target> targets;
    private volatile long targetsLoadedNanos;

    Notifications(WebhookRepository repo, Courier courier, Clock clock, SpendWatch.Parts spend, DailyDigest.Parts digest) {
        this.repo = repo;
        this.courier = courier;
        this.clock = clock;
        this.spendWatch = new SpendWatch(this, spend, clock);
        this.digest = new DailyDigest(this, digest, clock);
    }

    /** Builds the notifications of a hub and starts their schedule. */
    public static Notifications start(DbClient db, ObjectMapper mapper, SecretCipher cipher, StateStore state,
                                      LimitPlans plans, StatsService stats, HubConfig config, Clock clock) {
        HubConfig.Notify c = config.notifications();
        WebhookRepository repo = new WebhookRepository(db, mapper, cipher);
        Courier courier = new Courier(new Channels(mapper, clock, c.telegramBaseUrl()), new WebhookSender(mapper,
                new OutboundHttp(c.timeout(), config.edge().blockPrivateAddresses())),
                repo::recordResult, clock, c.queue(), c.attempts(), c.retryDelay());
        Notifications n = new Notifications(repo, courier, clock, new SpendWatch.Parts(state, plans, config.sessionTtl()),
                new DailyDigest.Parts(stats, config::timeZone));
        courier.every(c.tick(), n::tick);
        return n;
    }

    public WebhookRepository repository() {
        return repo;
    }

    /** The finish listener that raises spend alerts. */
    public SpendWatch spendWatch() {
        return spendWatch;
    }

    /** Told of every breaker transition; a breaker that opened is announced to the targets that want it. */
    public void breakerChanged(Provider p, BreakerState st) {
        if (!BreakerState.OPEN.equals(st.state())) {
            return;
        }
        Notice n = new Notice.BreakerOpened(p.id(), p.name(), st.failures(), Instant.ofEpochMilli(st.openUntilMs()));
        // every node hears of an opening (BreakerWatch): the first to claim it sends it
        courier.submit(() -> {
            if (claimOnce("breaker:" + p.id() + ":" + st.openUntilMs())) {
                announce(n);
            }
        });
    }

    /** Checks the schedules now (the background runs this every tick; tests call it after moving the clock). */
    public void tick() {
        digest.tick();
    }

    /** Sends a test message to a target now and answers how it went, or empty if there is no such target. */
    public Optional<WebhookTestResult> test(long id) {
        return repo.target(id).map(t -> courier.deliverNow(t, new Notice.Test(t.name())));
    }

    /** This node's admins changed the targets: read them again on next use. */
    public void targetsChanged() {
        targets = null;
    }

    public long droppedCount() {
        return courier.droppedCount();
    }

    public int queueDepth() {
        return courier.queueDepth();
    }

    /** Sends a notice to every enabled target that subscribed to its event. */
    void announce(Notice n) {
        targets(n.event()).forEach(t -> courier.deliver(t, n));
    }

    void deliver(Target t, Notice n) {
        courier.deliver(t, n);
    }

    boolean submit(Runnable work) {
        return courier.submit(work);
    }

    /** Enabled targets subscribed to {@code event}. */
    List<Target> targets(String event) {
        List<Target> all = targets;
        if (all == null || System.nanoTime() - targetsLoadedNanos > TARGETS_TTL.toNanos()) {
            all = repo.targets();
            targets = all;
            targetsLoadedNanos = System.nanoTime();
        }
        return all.stream().filter(t -> t.wants(event)).toList();
    }

    /**
     * Claims a once-only notification: true on the first claim of {@code key} on any node. Keys this node has seen
     * claimed are remembered, so a subject above its threshold costs no database call per request.
     */
    boolean claimOnce(String key) {
        if (claimed.contains(key)) {
            return false;
        }
        boolean first = repo.claim(key, clock.instant());
        claimed.add(key);
        return first;
    }

    @Override
    public void close() {
        courier.close();
    }
}
