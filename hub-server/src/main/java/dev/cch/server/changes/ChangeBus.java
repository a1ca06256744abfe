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
    private final ScheduledExecutorService refresher;

    public ChangeBus(StateStore store, Map<Topic, Runnable> reloads, long refreshSeconds) {
        this.store = store;
        this.reloads.putAll(reloads);
        store.subscribe(CHANNEL, this::received);
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon(true)
                .name("cch-cache-refresh").unstarted(r));
        refresher.scheduleWithFixedDelay(this::reloadAll, refreshSeconds, refreshSeconds, TimeUnit.SECONDS);
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
        Runnable r = reloads.get(topic);
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
            apply(t);
        }
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
