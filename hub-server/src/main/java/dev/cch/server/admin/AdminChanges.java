package dev.cch.server.admin;

/** Tells the running hub (and, with Redis, every hub node) that admins changed something it caches. */
public interface AdminChanges {
    void credentialsChanged();

    void providersChanged();

    void pricesChanged();

    void errorRulesChanged();

    void settingsChanged();

    void sensitiveWordsChanged();
}
