package dev.cch.server.keys;

import dev.cch.protocol.admin.KeyRequest;
import dev.cch.protocol.admin.KeyView;
import dev.cch.server.db.LimitColumns;
import dev.cch.server.db.Rows;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hub API keys in PostgreSQL: only the SHA-256 of a key and its display prefix are stored. */
public final class KeyRepository {
    private final DbClient db;

    public KeyRepository(DbClient db) {
        this.db = db;
    }

    public KeyView create(KeyRequest r, String keyHash, String keyPrefix) {
        Map<String, Object> p = params(r);
        p.put("userId", r.userId());
        p.put("keyHash", keyHash);
        p.put("keyPrefix", keyPrefix);
        return db.execute().createNamedGet("key-insert").params(p).execute().map(KeyRepository::view).orElseThrow();
    }

    public Optional<KeyView> update(long id, KeyRequest r) {
        Map<String, Object> p = params(r);
        p.put("id", id);
        return db.execute().createNamedGet("key-update").params(p).execute().map(KeyRepository::view);
    }

    public Optional<KeyView> get(long id) {
        return db.execute().createNamedGet("key-get").addParam("id", id).execute().map(KeyRepository::view);
    }

    public Optional<KeyView> findByHash(String keyHash) {
        return db.execute().createNamedGet("key-by-hash").addParam("keyHash", keyHash).execute().map(KeyRepository::view);
    }

    public List<KeyView> list(Long userId, long afterId, int limit) {
        try (var rows = db.execute().createNamedQuery("key-list").addParam("userId", userId)
                .addParam("after", afterId).addParam("limit", limit).execute()) {
            return rows.map(KeyRepository::view).toList();
        }
    }

    public boolean delete(long id) {
        return db.execute().createNamedUpdate("key-delete").addParam("id", id).execute() > 0;
    }

    /** Records that a key was used at {@code at} (never moves last use backwards). */
    public void touch(long id, java.time.Instant at) {
        db.execute().createNamedUpdate("key-touch").addParam("id", id).addParam("at", java.sql.Timestamp.from(at)).execute();
    }

    private static Map<String, Object> params(KeyRequest r) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", r.name());
        p.put("providerGroup", r.providerGroup());
        LimitColumns.write(r.limits(), p);
        p.put("enabled", r.enabled());
        p.put("expiresAt", Rows.param(r.expiresAt()));
        return p;
    }

    static KeyView view(DbRow row) {
        return new KeyView(
                Rows.longValue(row, "id"),
                Rows.longValue(row, "user_id"),
                Rows.string(row, "name"),
                Rows.string(row, "key_prefix"),
                Rows.string(row, "provider_group"),
                LimitColumns.read(row, true),
                Rows.bool(row, "enabled"),
                Rows.instant(row, "expires_at"),
                Rows.instant(row, "last_used_at"),
                Rows.instant(row, "cost_reset_at"),
                Rows.instant(row, "created_at"),
                Rows.instant(row, "updated_at"));
    }

    /** Restarts every usage window from now (the request log keeps the history). */
    public boolean resetUsage(long id) {
        return db.execute().createNamedUpdate("key-reset-usage").addParam("id", id).execute() > 0;
    }
}
