package dev.cch.server.settings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.protocol.admin.SettingsView;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings admins change at run time: the database's values over the configured defaults, cached in memory and
 * reloaded when any node changes them.
 */
public final class RuntimeSettings {
    private final SettingsRepository repo;
    private final SettingsView defaults;
    private volatile SettingsView current;

    public RuntimeSettings(SettingsRepository repo, SettingsView defaults) {
        this.repo = repo;
        this.defaults = defaults;
        this.current = defaults;
    }

    public SettingsView current() {
        return current;
    }

    /** The configured defaults (application.yaml / environment). */
    public SettingsView defaults() {
        return defaults;
    }

    public boolean billRedirectedModel() {
        return "redirected".equals(current.billingModel());
    }

    public void reload() {
        Map<String, JsonNode> db = repo.all();
        current = new SettingsView(
                text(db, "billingModel", defaults.billingModel()),
                text(db, "priceSyncUrl", defaults.priceSyncUrl()),
                number(db, "priceSyncHours", defaults.priceSyncHours()),
                number(db, "logRetentionDays", defaults.logRetentionDays()));
    }

    /** Stores every setting (so later changes to the defaults do not silently change them) and applies them. */
    public void replace(SettingsView v) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("billingModel", v.billingModel());
        values.put("priceSyncUrl", v.priceSyncUrl());
        values.put("priceSyncHours", v.priceSyncHours());
        values.put("logRetentionDays", v.logRetentionDays());
        repo.putAll(values);
        current = v;
    }

    private static String text(Map<String, JsonNode> db, String key, String fallback) {
        JsonNode n = db.get(key);
        return n != null && n.isTextual() ? n.asText() : fallback;
    }

    private static Integer number(Map<String, JsonNode> db, String key, Integer fallback) {
        JsonNode n = db.get(key);
        return n != null && n.canConvertToInt() ? n.asInt() : fallback;
    }
}
