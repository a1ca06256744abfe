package dev.cch.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.server.HubServer;
import dev.cch.server.config.HubConfig;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.awaitility.Awaitility;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A real hub for tests: its own database (copied from the migrated template), a random port, a temporary data
 * directory, a known admin token, and helpers to create users, keys and providers through the admin API.
 */
public final class TestHub implements AutoCloseable {
    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";
    public static final String MASTER_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private final TestDatabase db;
    private final Path dataDir;
    private final HubServer hub;
    private final Http admin;
    private final Http proxy;
    private final boolean ownsDb;

    private TestHub(TestDatabase db, boolean ownsDb, Path dataDir, HubServer hub) {
        this.db = db;
        this.ownsDb = ownsDb;
        this.dataDir = dataDir;
        this.hub = hub;
        this.admin = new Http(hub.baseUrl());
        this.proxy = new Http(hub.baseUrl());
    }

    public static TestHub start() {
        return start(Map.of());
    }

    public static TestHub start(Map<String, String> settings) {
        return start(TestDatabase.create(), true, settings, Clock.systemUTC());
    }

    /** A hub on an existing database (a second node, or a restart); the database is not dropped on close. */
    public static TestHub startOn(TestDatabase db, Map<String, String> settings) {
        return start(db, false, settings, Clock.systemUTC());
    }

    public static TestHub start(TestDatabase db, boolean ownsDb, Map<String, String> settings, Clock clock) {
        try {
            Path dir = Files.createTempDirectory("cch-hub-");
            HubServer hub = HubServer.start(config(db, dir, settings), clock);
            return new TestHub(db, ownsDb, dir, hub);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static HubConfig config(TestDatabase db, Path dataDir, Map<String, String> settings) {
        Map<String, String> m = new HashMap<>();
        m.put("server.port", "0");
        m.put("server.host", "127.0.0.1");
        m.put("server.connection-options.tcp-no-delay", "true");
        m.put("hub.data.dir", dataDir.toString());
        if (db != null) {
            m.put("hub.database.url", db.url());
        }
        m.put("hub.database.username", "postgres");
        m.put("hub.database.pool.size", "4");
        m.put("hub.admin.token", ADMIN_TOKEN);
        m.put("hub.master.key", MASTER_KEY);
        m.put("hub.time.zone", "UTC");
        m.put("hub.log.flush.ms", "20");
        m.put("server.shutdown-grace-period", "PT10S");
        m.putAll(settings);
        return HubConfig.from(Config.just(ConfigSources.create(m)));
    }

    public HubServer server() {
        return hub;
    }

    /** A part of the hub that it closes on shutdown (notifications, exports), found by its type. */
    public <T> T resource(Class<T> type) {
        return hub.parts().resources().stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new AssertionError("the hub has no " + type.getSimpleName()));
    }

    public TestDatabase db() {
        return db;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String baseUrl() {
        return hub.baseUrl();
    }

    public Http proxy() {
        return proxy;
    }

    /** An admin API call with the admin token. */
    public Http.Answer admin(String method, String path, Object body) {
        return admin.send(method, path, body, "authorization", "Bearer " + ADMIN_TOKEN);
    }

    public long createUser(String name) {
        return createUser(Map.of("name", name));
    }

    public long createUser(Map<String, Object> user) {
        return expect(admin("POST", "/api/v1/users", user), 201).path("id").asLong();
    }

    /** Creates a key and returns its secret. */
    public String createKey(long userId) {
        return createKey(Map.of("userId", userId, "name", "key-" + System.nanoTime()));
    }

    public String createKey(Map<String, Object> key) {
        return expect(admin("POST", "/api/v1/keys", key), 201).path("secret").asText();
    }

    /** A user with one key; returns the key's secret. */
    public String userWithKey(String name) {
        return createKey(createUser(name));
    }

    public long createProvider(String name, String type, String baseUrl) {
        return createProvider(name, type, baseUrl, Function.identity());
    }

    public long createProvider(String name, String type, String baseUrl,
                               Function<Map<String, Object>, Map<String, Object>> customise) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", name);
        p.put("type", type);
        p.put("baseUrl", baseUrl);
        p.put("secret", "sk-upstream-" + name + "-0123456789abcdef");
        return expect(admin("POST", "/api/v1/providers", customise.apply(p)), 201).path("id").asLong();
    }

    public static JsonNode expect(Http.Answer a, int status) {
        if (a.status() != status) {
            throw new AssertionError("expected " + status + " but got " + a.status() + ": " + a.body());
        }
        return a.body().isEmpty() ? null : a.json();
    }

    /** Waits (by polling, with a deadline) until the request log has at least {@code n} rows. */
    public void awaitLogRows(long n) {
        Awaitility.await("request_log to reach " + n + " rows").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> db.number("SELECT count(*) FROM request_log") >= n);
    }

    /** The request log row of one request (by the x-cch-request-id the hub answered with), once it is written. */
    public Map<String, Object> logRow(String requestId) {
        Awaitility.await("the log row of " + requestId).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> db.number("SELECT count(*) FROM request_log WHERE request_id = '" + requestId + "'") == 1);
        return Rows.query(db, "SELECT * FROM request_log WHERE request_id = '" + requestId + "'").getFirst();
    }

    public List<Map<String, Object>> logRows() {
        return Rows.query(db, "SELECT * FROM request_log ORDER BY id");
    }

    @Override
    public void close() {
        if (hub.parts().state() instanceof dev.cch.server.state.RedisStateStore redis) {
            redis.deleteAll();
        }
        hub.close();
        if (ownsDb) {
            db.close();
        }
        deleteTree(dataDir);
    }

    public static void deleteTree(Path p) {
        try (var walk = Files.walk(p)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}
