package dev.cch.server.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.admin.WebhookRequest;
import dev.cch.protocol.admin.WebhookView;
import dev.cch.server.crypto.SecretCipher;
import dev.cch.server.db.Rows;
import dev.cch.server.providers.Secret;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Notification targets in PostgreSQL, their secrets sealed with the master key, and the record of notifications
 * already sent that lets every hub node send each one once.
 */
public final class WebhookRepository {
    private final DbClient db;
    private final ObjectMapper mapper;
    private final SecretCipher cipher;

    public WebhookRepository(DbClient db, ObjectMapper mapper, SecretCipher cipher) {
        this.db = db;
        this.mapper = mapper;
        this.cipher = cipher;
    }

    public List<WebhookView> all() {
        try (var rows = db.execute().createNamedQuery("webhook-all").execute()) {
            return rows.map(this::view).toList();
        }
    }

    public Optional<WebhookView> get(long id) {
        return row(id).map(this::view);
    }

    public WebhookView create(WebhookRequest r) {
        Map<String, Object> p = params(r, seal(r.secret()));
        return db.execute().createNamedGet("webhook-insert").params(p).execute().map(this::view).orElseThrow();
    }

    /** Replaces a target; a null secret keeps the stored one, an empty one removes it. */
    public Optional<WebhookView> update(long id, WebhookRequest r) {
        Optional<DbRow> current = row(id);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        byte[] secret = r.secret() == null ? Rows.bytes(current.get(), "secret_ciphertext") : seal(r.secret());
        Map<String, Object> p = params(r, secret);
        p.put("id", id);
        return db.execute().createNamedGet("webhook-update").params(p).execute().map(this::view);
    }

    public boolean delete(long id) {
        return db.execute().createNamedDelete("webhook-delete").addParam("id", id).execute() > 0;
    }

    /** Whether the stored target already has a secret (a replace without one keeps it). */
    public boolean hasSecret(long id) {
        return row(id).map(r -> Rows.bytes(r, "secret_ciphertext") != null).orElse(false);
    }

    /** Every target with its secret decrypted, for delivery. */
    public List<Target> targets() {
        try (var rows = db.execute().createNamedQuery("webhook-all").execute()) {
            return rows.map(this::target).toList();
        }
    }

    public Optional<Target> target(long id) {
        return row(id).map(this::target);
    }

    public void recordResult(long id, Instant at, String result) {
        db.execute().createNamedUpdate("webhook-result").addParam("id", id).addParam("at", Rows.param(at))
                .addParam("result", result).execute();
    }

    /** Claims a notification for this node: true the first time a key is claimed on any node, false after. */
    public boolean claim(String dedupKey, Instant at) {
        return db.execute().createNamedInsert("notification-claim").addParam("key", dedupKey)
                .addParam("at", Rows.param(at)).execute() > 0;
    }

    private Optional<DbRow> row(long id) {
        return db.execute().createNamedGet("webhook-get").addParam("id", id).execute();
    }

    private byte[] seal(String secret) {
        return secret == null || secret.isEmpty() ? null : cipher.encrypt(secret);
    }

    private Map<String, Object> params(WebhookRequest r, byte[] secret) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", r.name());
        p.put("kind", r.kind());
        p.put("url", r.url() == null || r.url().isBlank() ? null : r.url().trim());
        p.put("secretCiphertext", secret);
        p.put("chatId", r.chatId());
        try {
            p.put("events", mapper.writeValueAsString(r.events().stream().distinct().toList()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        p.put("spendThreshold", r.spendThreshold());
        p.put("dailyAt", r.dailyAt());
        p.put("enabled", r.enabled());
        return p;
    }

    private List<String> events(DbRow row) {
        List<String> out = new ArrayList<>();
        Rows.json(row, "events", mapper).forEach(e -> out.add(e.asText()));
        return out;
    }

    private WebhookView view(DbRow row) {
        return new WebhookView(Rows.longValue(row, "id"), Rows.string(row, "name"), Rows.string(row, "kind"),
                Rows.string(row, "url"), Rows.bytes(row, "secret_ciphertext") != null, Rows.string(row, "chat_id"),
                events(row), Rows.decimal(row, "spend_threshold"), Rows.string(row, "daily_at"), Rows.bool(row, "enabled"),
                Rows.instant(row, "last_sent_at"), Rows.string(row, "last_result"), Rows.instant(row, "created_at"),
                Rows.instant(row, "updated_at"));
    }

    private Target target(DbRow row) {
        byte[] sealed = Rows.bytes(row, "secret_ciphertext");
        return new Target(Rows.longValue(row, "id"), Rows.string(row, "name"), Rows.string(row, "kind"),
                Rows.string(row, "url"), new Secret(sealed == null ? "" : cipher.decrypt(sealed)),
                Rows.string(row, "chat_id"), events(row), Rows.decimal(row, "spend_threshold"),
                LocalTime.parse(Rows.string(row, "daily_at")), Rows.bool(row, "enabled"));
    }
}
