package dev.cch.server.state;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The hub's connection to Redis and whether Redis is there. Commands time out quickly; while Redis is unreachable
 * every call fails open at once (no waiting per request). A probe pings Redis four times a second, so a dead server is
 * noticed without waiting for a request, and once Redis answers again (Lettuce retries the connection every 200 ms)
 * the scripts are loaded again and calls go through. A slow command (a timeout on a live connection) fails open for
 * that call only: only a closed connection, or pings failing for {@link #DEAD_AFTER_MS}, count as Redis being gone.
 */
final class RedisLink implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RedisLink.class.getName());
    private static final long PROBE_MS = 250;
    /** Pings that keep failing this long on an open connection mean a dead (or unreachable) server, not a slow one. */
    static final long DEAD_AFTER_MS = 2_000;

    private final ClientResources resources;
    private final RedisClient client;
    private final List<LuaScript> scripts;
    private final ScheduledExecutorService probe;
    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    private final AtomicLong failOpens = new AtomicLong();
    private final AtomicLong outages = new AtomicLong();
    private final AtomicLong slowCommands = new AtomicLong();
    private final ClockSkew skew;
    private long pingFailingSince = -1;
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile StatefulRedisPubSubConnection<String, String> pubsub;
    private volatile boolean up;

    RedisLink(String url, Duration timeout, Clock clock, List<LuaScript> scripts) {
        this.scripts = scripts;
        this.skew = new ClockSkew(clock);
        this.resources = ClientResources.builder().reconnectDelay(Delay.constant(Duration.ofMillis(200))).build();
        this.client = RedisClient.create(resources, RedisURI.create(url));
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(2)).keepAlive(true).build())
                .build());
        this.probe = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon(true).name("cch-redis-probe").unstarted(r));
        tryConnect();
        probe.scheduleWithFixedDelay(this::probe, PROBE_MS, PROBE_MS, TimeUnit.MILLISECONDS);
    }

    boolean up() {
        return up;
    }

    long failOpens() {
        return failOpens.get();
    }

    long outages() {
        return outages.get();
    }

    long slowCommands() {
        return slowCommands.get();
    }

    long clockSkewMs() {
        return skew.ms();
    }

    /** Runs {@code op} on the connection; while Redis is down or the call fails, answers {@code fallback} at once. */
    <T> T call(Function<RedisCommands<String, String>, T> op, T fallback) {
        StatefulRedisConnection<String, String> c = connection;
        if (!up || c == null) {
            failOpens.incrementAndGet();
            return fallback;
        }
        try {
            return op.apply(c.sync());
        } catch (RedisCommandExecutionException | UnsupportedOperationException e) {
            // Redis answered, but the script or a reply was wrong: a bug, not an outage
            LOG.log(Level.SEVERE, "state store operation failed; allowing the request", e);
            failOpens.incrementAndGet();
            return fallback;
        } catch (RedisCommandTimeoutException e) {
            // slow, not dead: this call fails open; the probe decides whether the server is gone
            slowCommands.incrementAndGet();
            failOpens.incrementAndGet();
            return fallback;
        } catch (RuntimeException e) {
            markDown(e);
            failOpens.incrementAndGet();
            return fallback;
        }
    }

    /** Runs a loaded script by SHA (loading it again if Redis forgot it). */
    static <T> T evalsha(RedisCommands<String, String> c, LuaScript script, ScriptOutputType type, String[] keys, String... args) {
        try {
            return c.evalsha(script.sha(), type, keys, args);
        } catch (RedisNoScriptException e) {
            c.scriptLoad(script.source());
            return c.evalsha(script.sha(), type, keys, args);
        }
    }

    void publish(String channel, String message) {
        call(c -> c.publish(channel, message), 0L);
    }

    void subscribe(String channel, Consumer<String> listener) {
        listeners.computeIfAbsent(channel, k -> new CopyOnWriteArrayList<>()).add(listener);
        StatefulRedisPubSubConnection<String, String> ps = pubsub;
        if (ps != null) {
            call(c -> {
                ps.sync().subscribe(channel);
                return 1L;
            }, 0L);
        }
    }

    /** How many subscriptions Redis holds for the channels listened to here. */
    long subscriberCount() {
        if (listeners.isEmpty()) {
            return 0;
        }
        return call(c -> c.pubsubNumsub(listeners.keySet().toArray(String[]::new))
                .values().stream().mapToLong(Long::longValue).sum(), 0L);
    }

    private void markDown(RuntimeException e) {
        if (up) {
            outages.incrementAndGet();
            LOG.warning("Redis unreachable (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); limits fail open until it answers again");
        }
        up = false;
    }

    /** Reconnects while Redis is down; while it is up, pings it so that a dead server is seen without a request. */
    private void probe() {
        if (!up) {
            tryConnect();
            return;
        }
        long now = System.nanoTime();
        try {
            if (!connection.isOpen()) {
                throw new IllegalStateException("connection closed");
            }
            RedisCommands<String, String> c = connection.sync();
            c.ping();
            pingFailingSince = -1;
            if (skew.due()) {
                skew.measure(c::time);
            }
        } catch (RedisCommandTimeoutException slow) {
            if (pingFailingSince < 0) {
                pingFailingSince = now;
            } else if (now - pingFailingSince >= TimeUnit.MILLISECONDS.toNanos(DEAD_AFTER_MS)) {
                markDown(slow);
            }
        } catch (RuntimeException dead) {
            markDown(dead);
        }
    }

    private synchronized void tryConnect() {
        try {
            if (connection == null) {
                connection = client.connect();
            }
            RedisCommands<String, String> c = connection.sync();
            c.ping();
            skew.measure(c::time);
            for (LuaScript s : scripts) {
                c.scriptLoad(s.source());
            }
            if (pubsub == null) {
                pubsub = client.connectPubSub();
                pubsub.addListener(new RedisPubSubAdapter<>() {
                    @Override
                    public void message(String channel, String message) {
                        listeners.getOrDefault(channel, List.of()).forEach(l -> l.accept(message));
                    }
                });
            }
            if (!listeners.isEmpty()) {
                pubsub.sync().subscribe(listeners.keySet().toArray(String[]::new));
            }
            if (!up) {
                LOG.info("Redis answers; limits, breakers and sessions are shared again");
            }
            pingFailingSince = -1;
            up = true;
        } catch (RuntimeException e) {
            up = false;
        }
    }

    @Override
    public void close() {
        probe.shutdownNow();
        if (pubsub != null) {
            pubsub.close();
        }
        if (connection != null) {
            connection.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
