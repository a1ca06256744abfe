package dev.cch.server.config;

import io.helidon.config.Config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Every setting of a hub, read once from Helidon config ({@code application.yaml} overridden by environment
 * variables such as {@code HUB_DATABASE_URL}). Absent optional values select the embedded defaults.
 */
public record HubConfig(Config server,
                        Path dataDir,
                        Optional<String> databaseUrl,
                        String databaseUser,
                        String databasePassword,
                        int poolSize,
                        Optional<String> redisUrl,
                        String redisPrefix,
                        Duration redisTimeout,
                        Optional<String> adminToken,
                        Optional<String> masterKey,
                        ZoneId timeZone,
                        int logBatch,
                        Duration logFlushInterval,
                        int logQueue,
                        Duration drainTimeout,
                        Duration sessionTtl,
                        int failoverSwitches,
                        int failoverAttempts,
                        Duration failoverDelay,
                        boolean billRedirectedModel,
                        String priceSyncUrl,
                        int priceSyncHours,
                        int logRetentionDays,
                        Duration statsCache,
                        int lockoutFailures,
                        int lockoutAddressFailures,
                        Duration lockoutWindow,
                        Duration lockoutDuration,
                        java.util.List<String> trustedProxies,
                        Notify notifications,
                        Langfuse langfuse,
                        Edge edge,
                        Duration cacheRefresh,
                        Optional<String> metricsToken) {

    /**
     * What the hub accepts at its edge: the largest request body after decoding (413 above it), the request body bytes
     * held at once across all requests (503 past it), how long a body and a request's headers may take to arrive, the
     * browser origins answered with CORS headers (empty = none), and whether providers may point at private,
     * loopback, link-local or metadata addresses.
     */
    public record Edge(long maxBodyBytes, long bodyBudgetBytes, Duration bodyTimeout, Duration headerTimeout,
                       java.util.List<String> corsAllowedOrigins, boolean blockPrivateAddresses) {
        public Edge {
            if (maxBodyBytes < 1) {
                throw new IllegalArgumentException("hub.proxy.max-body-bytes must be positive");
            }
            if (bodyBudgetBytes < maxBodyBytes) {
                throw new IllegalArgumentException("hub.proxy.body-budget-bytes must be at least hub.proxy.max-body-bytes");
            }
            corsAllowedOrigins = java.util.List.copyOf(corsAllowedOrigins);
        }
    }

    /**
     * Notification delivery: queue bound, attempts per message and the first backoff (doubling), the request
     * timeout, how often daily schedules are checked, and the Telegram API base (tests point it at a local fake).
     */
    public record Notify(int queue, int attempts, Duration retryDelay, Duration timeout, Duration tick,
                         String telegramBaseUrl) {
    }

    /**
     * Langfuse export, on when both keys are set: queue bound and batch size in requests, request timeout. Message
     * content is sent only with {@code includeContent}.
     */
    public record Langfuse(Optional<String> publicKey, Optional<String> secretKey, String baseUrl, int queue,
                           int batch, Duration timeout, boolean includeContent) {
        public boolean enabled() {
            return publicKey.isPresent() && secretKey.isPresent();
        }
    }

    public static HubConfig from(Config root) {
        Config hub = root.get("hub");
        return new HubConfig(
                root.get("server"),
                Path.of(hub.get("data.dir").asString().orElse("./data")).toAbsolutePath().normalize(),
                nonBlank(hub.get("database.url")),
                hub.get("database.username").asString().orElse("postgres"),
                hub.get("database.password").asString().orElse(""),
                hub.get("database.pool.size").asInt().orElse(16),
                nonBlank(hub.get("redis.url")),
                hub.get("redis.prefix").asString().orElse("cch:"),
                Duration.ofMillis(hub.get("redis.timeout.ms").asLong().orElse(250L)),
                nonBlank(hub.get("admin.token")),
                nonBlank(hub.get("master.key")),
                nonBlank(hub.get("time.zone")).map(ZoneId::of).orElse(ZoneId.systemDefault()),
                hub.get("log.batch").asInt().orElse(200),
                Duration.ofMillis(hub.get("log.flush.ms").asLong().orElse(250L)),
                hub.get("log.queue").asInt().orElse(20_000),
                root.get("server.shutdown-grace-period").as(Duration.class).orElse(Duration.ofSeconds(30)),
                Duration.ofMillis(hub.get("session.ttl.ms").asLong().orElse(300_000L)),
                hub.get("failover.switches").asInt().orElse(3),
                hub.get("failover.attempts").asInt().orElse(2),
                Duration.ofMillis(hub.get("failover.delay.ms").asLong().orElse(100L)),
                "redirected".equalsIgnoreCase(hub.get("billing.model").asString().orElse("requested")),
                hub.get("prices.sync.url").asString().orElse(""),
                hub.get("prices.sync.hours").asInt().orElse(24),
                hub.get("log.retention.days").asInt().orElse(0),
                Duration.ofMillis(hub.get("stats.cache.ms").asLong().orElse(2000L)),
                hub.get("auth.lockout.failures").asInt().orElse(10),
                hub.get("auth.lockout.address.failures").asInt().orElse(50),
                Duration.ofSeconds(hub.get("auth.lockout.window.seconds").asLong().orElse(300L)),
                Duration.ofSeconds(hub.get("auth.lockout.seconds").asLong().orElse(900L)),
                stringList(hub.get("auth.trusted-proxies")),
                new Notify(hub.get("notify.queue").asInt().orElse(1000),
                        hub.get("notify.attempts").asInt().orElse(3),
                        Duration.ofMillis(hub.get("notify.retry.ms").asLong().orElse(1000L)),
                        Duration.ofMillis(hub.get("notify.timeout.ms").asLong().orElse(10_000L)),
                        Duration.ofMillis(hub.get("notify.tick.ms").asLong().orElse(30_000L)),
                        nonBlank(hub.get("notify.telegram.url")).orElse("https://api.telegram.org")),
                new Langfuse(nonBlank(hub.get("langfuse.public.key")), nonBlank(hub.get("langfuse.secret.key")),
                        nonBlank(hub.get("langfuse.base.url")).orElse("https://cloud.langfuse.com"),
                        hub.get("langfuse.queue").asInt().orElse(10_000),
                        hub.get("langfuse.batch").asInt().orElse(100),
                        Duration.ofMillis(hub.get("langfuse.timeout.ms").asLong().orElse(10_000L)),
                        hub.get("langfuse.include.content").asBoolean().orElse(false)),
                new Edge(hub.get("proxy.max-body-bytes").asLong().orElse(32L * 1024 * 1024),
                        hub.get("proxy.body-budget-bytes").asLong().orElse(128L * 1024 * 1024),
                        Duration.ofMillis(hub.get("proxy.body-timeout.ms").asLong().orElse(60_000L)),
                        Duration.ofMillis(hub.get("proxy.header-timeout.ms").asLong().orElse(10_000L)),
                        stringList(hub.get("cors.allowed-origins")),
                        hub.get("providers.block-private-addresses").asBoolean().orElse(false)),
                Duration.ofMillis(hub.get("cache.refresh.ms").asLong().orElse(30_000L)),
                nonBlank(hub.get("metrics.token")));
    }

    /** A list node or one comma-separated string (the form environment variables take). */
    /** A list setting: a YAML list, indexed environment variables ({@code HUB_X_0}, {@code _1}, …) or comma-separated. */
    private static java.util.List<String> stringList(Config c) {
        java.util.List<String> raw;
        if (c.isList()) {
            raw = c.asList(String.class).orElse(java.util.List.of());
        } else if (c.type() == Config.Type.OBJECT) {
            // the indexed form of environment variables (HUB_CORS_ALLOWED_DASH_ORIGINS_0, _1, ...)
            raw = c.asNodeList().orElse(java.util.List.of()).stream()
                    .sorted(java.util.Comparator.comparingInt(n -> index(n.name())))
                    .map(n -> n.asString().orElse("")).toList();
        } else {
            raw = java.util.List.of(c.asString().orElse("").split(","));
        }
        return raw.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static int index(String name) {
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static Optional<String> nonBlank(Config c) {
        return c.asString().asOptional().map(String::trim).filter(s -> !s.isEmpty());
    }

    public boolean embeddedDatabase() {
        return databaseUrl.isEmpty();
    }
}
