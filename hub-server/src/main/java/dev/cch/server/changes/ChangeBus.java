package dev.cch.server.changes;

import dev.cch.server.admin.AdminChanges;
import dev.cch.server.state.StateStore;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps every hub node's caches (providers, credentials, prices, error rules) in step with admin changes. A change
 * is applied on this node at once and published through the state store to the others; a periodic reload catches
 * anything a node missed while the store was unreachable.
 */
public final class ChangeBus implements AdminChanges, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ChangeBus.class.getName());
    private static final String CHANNEL = "changes";

    /** What changed. */
    public enum Topic { CREDENTIALS, PROVIDERS, PRICES, ERROR_RULES, SETTINGS, SENSITIVE_WORDS }

    private final StateStore store;
    private final String node = UUID.randomUUID().toString();
    private final Map<Topic, Runnable> reloads = new EnumMap<>(Topic.class);
    private final Map<Topic, Runnable> refreshes = new EnumMap<>(Topic.class);
    private final ScheduledExecutorService refresher;

    /**
     * @param reloads   what a change of each topic reloads
     * @param refreshes what the periodic refresh runs instead, for topics where it must be gentler (keys are only
     *                  marked for reload, so they keep working while the database is away)
     */
    public ChangeBus(StateStore store, Map<Topic, Runnable> reloads, Map<Topic, Runnable> refreshes, java.time.Duration refresh) {
        this.store = store;
        this.reloads.putAll(reloads);
        this.refreshes.putAll(reloads);
        this.refreshes.putAll(refreshes);
        store.subscribe(CHANNEL, this::received);
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon(true)
                .name("cch-cache-refresh").unstarted(r));
        refresher.scheduleWithFixedDelay(this::reloadAll, refresh.toMillis(), refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void changed(Topic topic) {
        apply(topic);
        store.publish(CHANNEL, node + " " + topic.name());
    }

    @Override
    public void credentialsChanged() {
        changed(Topic.CREDENTIALS);
    }

    @Override
    public void providersChanged() {
        changed(Topic.PROVIDERS);
    }

    @Override
    public void pricesChanged() {
        changed(Topic.PRICES);
    }

    @Override
    public void errorRulesChanged() {
        changed(Topic.ERROR_RULES);
    }

    @Override
    public void settingsChanged() {
        changed(Topic.SETTINGS);
    }

    @Override
    public void sensitiveWordsChanged() {
        changed(Topic.SENSITIVE_WORDS);
    }

    private void received(String message) {
        String[] parts = message.split(" ", 2);
        if (parts.length != 2 || parts[0].equals(node)) {
            return;
        }
        try {
            apply(Topic.valueOf(parts[1]));
        } catch (IllegalArgumentException e) {
            LOG.warning("ignoring unknown change message: " + message);
        }
    }

    private void apply(Topic topic) {
        run(topic, reloads.get(topic));
    }

    private void run(Topic topic, Runnable r) {
        if (r != null) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "reloading " + topic + " failed; the next refresh retries", e);
            }
        }
    }

    private void reloadAll() {
        for (Topic t : Topic.values()) {
            run(t, refreshes.get(t));
        }
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
