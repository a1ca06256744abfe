package dev.cch.server.providers;

import dev.cch.protocol.admin.ProviderGroupRequest;
import dev.cch.protocol.admin.ProviderGroupView;
import dev.cch.server.db.Conflict;
import dev.cch.server.db.Rows;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Provider groups in PostgreSQL. */
public final class ProviderGroupRepository {
    private final DbClient db;

    public ProviderGroupRepository(DbClient db) {
        this.db = db;
    }

    public List<ProviderGroupView> all() {
        try (var rows = db.execute().createNamedQuery("group-all").execute()) {
            return rows.map(ProviderGroupRepository::view).toList();
        }
    }

    public Optional<ProviderGroupView> get(long id) {
        return db.execute().createNamedGet("group-get").addParam("id", id).execute().map(ProviderGroupRepository::view);
    }

    public ProviderGroupView create(ProviderGroupRequest r) {
        try {
            return db.execute().createNamedGet("group-insert").params(params(r)).execute()
                    .map(ProviderGroupRepository::view).orElseThrow();
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    public Optional<ProviderGroupView> update(long id, ProviderGroupRequest r) {
        Map<String, Object> p = new java.util.HashMap<>(params(r));
        p.put("id", id);
        try {
            return db.execute().createNamedGet("group-update").params(p).execute().map(ProviderGroupRepository::view);
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    public boolean delete(long id) {
        return db.execute().createNamedDelete("group-delete").addParam("id", id).execute() > 0;
    }

    private static RuntimeException translate(RuntimeException e) {
        return Conflict.isUniqueViolation(e) ? new Conflict("a group with this name already exists") : e;
    }

    private static Map<String, Object> params(ProviderGroupRequest r) {
        return Map.of("name", r.name(), "costMultiplier", r.costMultiplier(), "description", r.description());
    }

    static ProviderGroupView view(DbRow r) {
        return new ProviderGroupView(Rows.longValue(r, "id"), Rows.string(r, "name"), Rows.decimal(r, "cost_multiplier"),
                Rows.string(r, "description"), Rows.instant(r, "created_at"), Rows.instant(r, "updated_at"));
    }
}
