package dev.cch.server.providers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.ProviderType;
import dev.cch.protocol.admin.BreakerSettings;
import dev.cch.protocol.admin.ModelRedirect;
import dev.cch.protocol.admin.ModelRule;
import dev.cch.protocol.admin.ProviderRequest;
import dev.cch.protocol.admin.ProviderView;
import dev.cch.protocol.admin.Timeouts;
import dev.cch.server.crypto.SecretCipher;
import dev.cch.server.db.Conflict;
import dev.cch.server.db.LimitColumns;
import dev.cch.server.db.Rows;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Providers in PostgreSQL. The secret and the proxy URL are sealed with the master key before they are stored. */
public final class ProviderRepository {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Integer>> PRIORITIES = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };
    private static final TypeReference<List<ModelRule>> RULES = new TypeReference<>() {
    };
    private static final TypeReference<List<ModelRedirect>> REDIRECTS = new TypeReference<>() {
    };

    private final DbClient db;
    private final ObjectMapper mapper;
    private final SecretCipher cipher;
    private final SealedHeaders headers;

    public ProviderRepository(DbClient db, ObjectMapper mapper, SecretCipher cipher) {
        this.db = db;
        this.mapper = mapper;
        this.cipher = cipher;
        this.headers = new SealedHeaders(cipher);
    }

    public ProviderView create(ProviderRequest r) {
        Map<String, Object> p = params(r, cipher.encrypt(r.secret()), Secret.hint(r.secret()), sealProxy(r.proxyUrl()),
                headers.seal(r.customHeaders(), Map.of()));
        try {
            return db.execute().createNamedGet("provider-insert").params(p).execute().map(this::view).orElseThrow();
        } catch (RuntimeException e) {
            throw translate(e, r.name());
        }
    }

    /**
     * Replaces a provider; a null secret keeps the stored one, as does the redacted proxy URL shown to admins, and a
     * proxy URL whose password is the mask keeps the stored password.
     */
    public Optional<ProviderView> update(long id, ProviderRequest r) {
        Optional<DbRow> current = db.execute().createNamedGet("provider-get").addParam("id", id).execute();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        DbRow row = current.get();
        byte[] secret = r.secret() == null ? Rows.bytes(row, "secret_ciphertext") : cipher.encrypt(r.secret());
        String hint = r.secret() == null ? Rows.string(row, "secret_hint") : Secret.hint(r.secret());
        byte[] storedProxy = Rows.bytes(row, "proxy_url_ciphertext");
        String storedProxyUrl = storedProxy == null ? null : cipher.decrypt(storedProxy);
        byte[] proxy = r.proxyUrl() != null && r.proxyUrl().equals(ProxySpec.redact(storedProxyUrl))
                ? storedProxy : sealProxy(ProxySpec.unmask(r.proxyUrl(), storedProxyUrl));
        Map<String, String> sealedHeaders = headers.seal(r.customHeaders(), read(row, "custom_headers", HEADERS));
        Map<String, Object> p = params(r, secret, hint, proxy, sealedHeaders);
        p.put("id", id);
        try {
            return db.execute().createNamedGet("provider-update").params(p).execute().map(this::view);
        } catch (RuntimeException e) {
            throw translate(e, r.name());
        }
    }

    public Optional<ProviderView> get(long id) {
        return db.execute().createNamedGet("provider-get").addParam("id", id).execute().map(this::view);
    }

    public List<ProviderView> list(long afterId, int limit) {
        try (var rows = db.execute().createNamedQuery("provider-list").addParam("after", afterId)
                .addParam("limit", limit).execute()) {
            return rows.map(this::view).toList();
        }
    }

    /** Every live provider with its secret decrypted, for routing. */
    public List<Provider> loadAll() {
        try (var rows = db.execute().createNamedQuery("provider-all").execute()) {
            return rows.map(this::runtime).toList();
        }
    }

    public boolean delete(long id) {
        return db.execute().createNamedUpdate("provider-delete").addParam("id", id).execute() > 0;
    }

    private byte[] sealProxy(String url) {
        return url == null ? null : cipher.encrypt(url);
    }

    private RuntimeException translate(RuntimeException e, String name) {
        return Conflict.isUniqueViolation(e) ? new Conflict("a provider named '" + name + "' already exists") : e;
    }

    private Map<String, Object> params(ProviderRequest r, byte[] secret, String hint, byte[] proxy,
                                       Map<String, String> sealedHeaders) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", r.name());
        p.put("description", r.description());
        p.put("type", r.type());
        p.put("baseUrl", r.baseUrl());
        p.put("secretCiphertext", secret);
        p.put("secretHint", hint);
        p.put("enabled", r.enabled());
        p.put("weight", r.weight());
        p.put("priority", r.priority());
        p.put("groupTags", json(r.groupTags()));
        p.put("groupPriorities", json(r.groupPriorities()));
        p.put("costMultiplier", r.costMultiplier());
        p.put("allowedModels", json(r.allowedModels()));
        p.put("modelRedirects", json(r.modelRedirects()));
        p.put("proxyCiphertext", proxy);
        p.put("proxyFallbackToDirect", r.proxyFallbackToDirect());
        p.put("customHeaders", json(sealedHeaders));
        LimitColumns.write(r.limits(), p);
        p.put("maxRetryAttempts", r.maxRetryAttempts());
        p.put("maxSwitches", r.maxSwitches());
        p.put("failureThreshold", r.breaker().failureThreshold());
        p.put("openDurationMs", r.breaker().openDurationMs());
        p.put("halfOpenSuccesses", r.breaker().halfOpenSuccesses());
        p.put("connectMs", r.timeouts().connectMs());
        p.put("firstByteMs", r.timeouts().firstByteMs());
        p.put("streamingIdleMs", r.timeouts().streamingIdleMs());
        p.put("requestMs", r.timeouts().requestMs());
        p.put("activeTimeStart", r.activeTimeStart());
        p.put("activeTimeEnd", r.activeTimeEnd());
        p.put("disableSessionReuse", r.disableSessionReuse());
        return p;
    }

    ProviderView view(DbRow row) {
        byte[] proxy = Rows.bytes(row, "proxy_url_ciphertext");
        return new ProviderView(
                Rows.longValue(row, "id"),
                Rows.string(row, "name"),
                Rows.string(row, "description"),
                Rows.string(row, "type"),
                Rows.string(row, "base_url"),
                Rows.string(row, "secret_hint"),
                Rows.bool(row, "enabled"),
                Rows.intValue(row, "weight"),
                Rows.intValue(row, "priority"),
                read(row, "group_tags", STRINGS),
                read(row, "group_priorities", PRIORITIES),
                Rows.decimal(row, "cost_multiplier"),
                read(row, "allowed_models", RULES),
                read(row, "model_redirects", REDIRECTS),
                proxy == null ? null : ProxySpec.redact(cipher.decrypt(proxy)),
                Rows.bool(row, "proxy_fallback_to_direct"),
                headers.masked(read(row, "custom_headers", HEADERS)),
                LimitColumns.read(row, false),
                Rows.intValue(row, "max_retry_attempts"),
                Rows.intValue(row, "max_switches"),
                breaker(row),
                timeouts(row),
                Rows.string(row, "active_time_start"),
                Rows.string(row, "active_time_end"),
                Rows.bool(row, "disable_session_reuse"),
                Rows.instant(row, "total_cost_reset_at"),
                Rows.instant(row, "created_at"),
                Rows.instant(row, "updated_at"));
    }

    Provider runtime(DbRow row) {
        byte[] proxy = Rows.bytes(row, "proxy_url_ciphertext");
        String start = Rows.string(row, "active_time_start");
        String end = Rows.string(row, "active_time_end");
        return new Provider(
                Rows.longValue(row, "id"),
                Rows.string(row, "name"),
                ProviderType.fromWireName(Rows.string(row, "type")),
                Rows.string(row, "base_url"),
                new Secret(unseal(row, "secret_ciphertext")),
                Rows.bool(row, "enabled"),
                Rows.intValue(row, "weight"),
                Rows.intValue(row, "priority"),
                read(row, "group_tags", STRINGS),
                read(row, "group_priorities", PRIORITIES),
                Rows.decimal(row, "cost_multiplier"),
                new ModelRules(read(row, "allowed_models", RULES), read(row, "model_redirects", REDIRECTS)),
                proxy == null ? Optional.empty() : Optional.of(ProxySpec.parse(cipher.decrypt(proxy))),
                Rows.bool(row, "proxy_fallback_to_direct"),
                headers.open(read(row, "custom_headers", HEADERS)),
                LimitColumns.read(row, false),
                Rows.intValue(row, "max_retry_attempts"),
                Rows.intValue(row, "max_switches"),
                breaker(row),
                timeouts(row),
                start == null || end == null ? Optional.empty() : Optional.of(ActiveWindow.parse(start, end)),
                Rows.bool(row, "disable_session_reuse"),
                Rows.instant(row, "total_cost_reset_at"),
                Rows.instant(row, "updated_at"));
    }

    private static BreakerSettings breaker(DbRow row) {
        return new BreakerSettings(Rows.intValue(row, "breaker_failure_threshold"),
                Rows.longValue(row, "breaker_open_duration_ms"), Rows.intValue(row, "breaker_half_open_successes"));
    }

    private static Timeouts timeouts(DbRow row) {
        return new Timeouts(Rows.intValue(row, "connect_timeout_ms"), Rows.intValue(row, "first_byte_timeout_ms"),
                Rows.intValue(row, "streaming_idle_timeout_ms"), Rows.intValue(row, "request_timeout_ms"));
    }

    private <T> T read(DbRow row, String column, TypeReference<T> type) {
        return mapper.convertValue(Rows.json(row, column, mapper), type);
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
        return db.execute().createNamedUpdate("provider-reset-usage").addParam("id", id).execute() > 0;
    }

    /** A sealed column; a wrong master key stops the hub with a message that says so (never with the secret). */
    private String unseal(DbRow row, String column) {
        try {
            return cipher.decrypt(Rows.bytes(row, column));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("provider " + Rows.string(row, "name") + ": " + e.getMessage()
                    + "; start the hub with the master key the secrets were written with (HUB_MASTER_KEY or data/master.key)", e);
        }
    }
}
