package dev.cch.server.users;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.admin.Role;
import dev.cch.protocol.admin.UserRequest;
import dev.cch.protocol.admin.UserView;
import dev.cch.server.db.Conflict;
import dev.cch.server.db.LimitColumns;
import dev.cch.server.db.Rows;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Users in PostgreSQL. Deletes are soft so the request log keeps its references. */
public final class UserRepository {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private final DbClient db;
    private final ObjectMapper mapper;

    public UserRepository(DbClient db, ObjectMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    public UserView create(UserRequest r) {
        try {
            return db.execute().createNamedGet("user-insert").params(params(r)).execute().map(this::view).orElseThrow();
        } catch (RuntimeException e) {
            throw translate(e, r.name());
        }
    }

    public Optional<UserView> update(long id, UserRequest r) {
        Map<String, Object> p = params(r);
        p.put("id", id);
        try {
            return db.execute().createNamedGet("user-update").params(p).execute().map(this::view);
        } catch (RuntimeException e) {
            throw translate(e, r.name());
        }
    }

    public Optional<UserView> get(long id) {
        return db.execute().createNamedGet("user-get").addParam("id", id).execute().map(this::view);
    }

    public List<UserView> list(long afterId, int limit, String search) {
        try (var rows = db.execute().createNamedQuery("user-list").addParam("after", afterId)
                .addParam("limit", limit).addParam("search", search).execute()) {
            return rows.map(this::view).toList();
        }
    }

    /** Soft-deletes the user and every key of theirs. */
    public boolean delete(long id) {
        DbTransaction tx = db.transaction();
        try {
            long n = tx.createNamedUpdate("user-delete").addParam("id", id).execute();
            tx.createNamedUpdate("user-delete-keys").addParam("id", id).execute();
            tx.commit();
            return n > 0;
        } catch (RuntimeException e) {
            tx.rollback();
            throw e;
        }
    }

    private RuntimeException translate(RuntimeException e, String name) {
        return Conflict.isUniqueViolation(e) ? new Conflict("a user named '" + name + "' already exists") : e;
    }

    private Map<String, Object> params(UserRequest r) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", r.name());
        p.put("description", r.description());
        p.put("role", r.role().wireName());
        p.put("providerGroup", r.providerGroup());
        p.put("tags", json(r.tags()));
        LimitColumns.write(r.limits(), p);
        p.put("allowedModels", json(r.allowedModels()));
        p.put("allowedClients", json(r.allowedClients()));
        p.put("blockedClients", json(r.blockedClients()));
        p.put("enabled", r.enabled());
        p.put("expiresAt", Rows.param(r.expiresAt()));
        return p;
    }

    UserView view(DbRow row) {
        return new UserView(
                Rows.longValue(row, "id"),
                Rows.string(row, "name"),
                Rows.string(row, "description"),
                Role.fromWireName(Rows.string(row, "role")),
                Rows.string(row, "provider_group"),
                strings(row, "tags"),
                LimitColumns.read(row, true),
                strings(row, "allowed_models"),
                strings(row, "allowed_clients"),
                strings(row, "blocked_clients"),
                Rows.bool(row, "enabled"),
                Rows.instant(row, "expires_at"),
                Rows.instant(row, "cost_reset_at"),
                Rows.instant(row, "created_at"),
                Rows.instant(row, "updated_at"));
    }

    private List<String> strings(DbRow row, String column) {
        return mapper.convertValue(Rows.json(row, column, mapper), STRINGS);
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Restarts every usage window from now (the request log keeps the history). */
    public boolean resetUsage(long id) {
        return db.execute().createNamedUpdate("user-reset-usage").addParam("id", id).execute() > 0;
    }
}
