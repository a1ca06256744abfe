package dev.cch.server.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.server.db.Rows;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbTransaction;

import java.util.HashMap;
import java.util.Map;

/** Run-time settings in {@code system_settings}: one JSON value per key. */
public final class SettingsRepository {
    private final DbClient db;
    private final ObjectMapper mapper;

    public SettingsRepository(DbClient db, ObjectMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    public Map<String, JsonNode> all() {
        Map<String, JsonNode> out = new HashMap<>();
        try (var rows = db.execute().createNamedQuery("setting-all").execute()) {
            rows.forEach(r -> out.put(Rows.string(r, "key"), Rows.json(r, "value", mapper)));
        }
        return out;
    }

    /** Writes every entry in one transaction. */
    public void putAll(Map<String, Object> values) {
        DbTransaction tx = db.transaction();
        try {
            for (var e : values.entrySet()) {
                tx.createNamedInsert("setting-upsert").addParam("key", e.getKey())
                        .addParam("value", mapper.writeValueAsString(e.getValue())).execute();
            }
            tx.commit();
        } catch (Exception e) {
            tx.rollback();
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }
}
