package dev.cch.server.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cch.server.limits.LimitKind;
import dev.cch.server.limits.Subject;
import dev.cch.server.limits.Window;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The state store in Redis (Lettuce). Every operation is one Lua script from {@code resources/lua}, loaded once and
 * run by SHA (reloaded on NOSCRIPT). Commands time out quickly; while Redis is unreachable every operation fails
 * open at once (no waiting per request) and a probe reconnects in the background, after which enforcement resumes.
 */
public final class RedisStateStore implements StateStore {
    private static final Logger LOG = Logger.getLogger(RedisStateStore.class.getName());
    private static final long PROBE_MS = 250;

    private final RedisClient client;
    private final RedisKeys keys;
    private final ObjectMapper mapper;
    private final LuaScript admit = LuaScript.load("admit");
    private final LuaScript settle = LuaScript.load("settle");
    private final LuaScript failure = LuaScript.load("breaker_failure");
    private final LuaScript usage = LuaScript.load("usage");
    private final ScheduledExecutorService probe;
    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    private final AtomicLong failOpens = new AtomicLong();
    private final ClockSkew skew;
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile StatefulRedisPubSubConnection<String, String> pubsub;
    private volatile boolean up;

    public RedisStateStore(String url, String prefix, Duration timeout, ObjectMapper mapper) {
        this(url, prefix, timeout, mapper, Clock.systemUTC());
    }

    /** @param clock this node's clock, only to measure how far it is from Redis' (operations get their time passed in) */
    public RedisStateStore(String url, String prefix, Duration timeout, ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.skew = new ClockSkew(clock);
        this.keys = new RedisKeys(prefix);
        this.client = RedisClient.create(RedisURI.create(url));
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(2)).keepAlive(true).build())
                .build());
        this.probe = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon(true).name("cch-redis-probe").unstarted(r));
        tryConnect();
        probe.scheduleWithFixedDelay(this::probeIfDown, PROBE_MS, PROBE_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public long clockSkewMs() {
        return skew.ms();
    }

    @Override
    public String kind() {
        return "redis";
    }

    @Override
    public boolean available() {
        return up;
    }

    /** How many operations were answered "allowed" because Redis was unreachable. */
    public long failOpens() {
        return failOpens.get();
    }

    @Override
    public Admission admit(AdmitRequest r) {
        RedisKeys.Collector k = new RedisKeys.Collector();
        ObjectNode req = mapper.createObjectNode().put("now", r.nowMs()).put("id", r.requestId());
        ArrayNode order = req.putArray("order");
        CheckOrder.KINDS.forEach(kind -> order.add(kind.wireName()));
        if (r.session() != null) {
            AdmitRequest.SessionAsk s = r.session();
            req.putObject("session").put("id", s.id()).put("altId", s.altId()).put("short", s.shortContext())
                    .put("ttl", s.ttlMs()).put("inflight", k.add(keys.inflight(s.id())))
                    .put("altInflight", k.add(keys.inflight(s.altId()))).put("bind", k.add(keys.binding(s.id())));
        }
        ArrayNode subjects = req.putArray("subjects");
        for (AdmitRequest.RateSubject s : r.subjects()) {
            ObjectNode n = subjects.addObject().put("rpmKey", k.add(keys.rpm(s.subject()))).put("sessKey", k.add(keys.sessions(s.subject())));
            if (s.rpm() != null) {
                n.put("rpm", s.rpm());
            }
            if (s.sessionLimit() != null) {
                n.put("sessLimit", s.sessionLimit());
            }
            windows(n.putArray("windows"), s.windows(), k);
        }
        ArrayNode providers = req.putArray("providers");
        for (AdmitRequest.ProviderProbe p : r.providers()) {
            ObjectNode n = providers.addObject().put("id", p.providerId()).put("brk", k.add(keys.breaker(p.providerId())))
                    .put("sessKey", k.add(keys.sessions(p.subject())));
            if (p.sessionLimit() != null) {
                n.put("sessLimit", p.sessionLimit());
            }
            windows(n.putArray("windows"), p.windows(), k);
        }
        String sid = r.session() == null ? null : r.session().id();
        return call(() -> parseAdmission(eval(admit, k.keys(), req.toString()), r), Admission.failOpen(sid));
    }

    private Admission parseAdmission(String json, AdmitRequest r) {
        JsonNode n = read(json);
        String sid = n.path("sid").isTextual() ? n.path("sid").asText() : null;
        JsonNode rej = n.get("rej");
        if (rej != null && rej.isObject()) {
            Subject s = r.subjects().get(rej.path("s").asInt() - 1).subject();
            return new Admission(false, new Admission.Rejection(s, LimitKind.fromWireName(rej.path("kind").asText()),
                    rej.path("limit").asLong(), rej.path("current").asLong(), rej.path("reset").asLong()), sid, null, Map.of());
        }
        Map<Long, Admission.ProviderState> providers = new LinkedHashMap<>();
        JsonNode p = n.path("p");
        for (AdmitRequest.ProviderProbe probeReq : r.providers()) {
            JsonNode st = p.path(String.valueOf(probeReq.providerId()));
            if (st.isArray()) {
                BreakerState b = new BreakerState(st.get(0).asText(), st.get(1).asInt(), st.get(2).asInt(),
                        st.get(3).asLong(), st.get(4).asBoolean());
                providers.put(probeReq.providerId(), new Admission.ProviderState(b, st.get(5).isTextual() ? st.get(5).asText() : null));
            }
        }
        JsonNode bound = n.get("bound");
        return new Admission(false, null, sid, bound != null && bound.isNumber() ? bound.asLong() : null, providers);
    }

    @Override
    public void settle(Settlement s) {
        RedisKeys.Collector k = new RedisKeys.Collector();
        ObjectNode req = mapper.createObjectNode().put("now", s.nowMs()).put("cost", Long.toString(s.costNano())).put("ttl", s.sessionTtlMs());
        ArrayNode subjects = req.putArray("subjects");
        for (Settlement.Spend spend : s.subjects()) {
            ObjectNode n = subjects.addObject().put("sessKey", k.add(keys.sessions(spend.subject())));
            windows(n.putArray("windows"), spend.windows(), k);
        }
        if (s.session() != null) {
            req.put("session", s.session()).put("inflight", k.add(keys.inflight(s.session())));
            if (s.provider() != null) {
                req.put("holder", k.add(keys.sessions(s.provider().subject())));
            }
        }
        if (s.binding() != null) {
            Settlement.Binding b = s.binding();
            ObjectNode n = req.putObject("binding").put("k", k.add(keys.binding(b.session()))).put("provider", b.provider())
                    .put("force", b.force()).put("ttl", b.ttlMs());
            if (b.expected() != null) {
                n.put("expected", b.expected());
            }
        }
        if (s.breakerSuccess() != null) {
            req.putObject("success").put("k", k.add(keys.breaker(s.breakerSuccess().providerId())))
                    .put("needed", s.breakerSuccess().config().halfOpenSuccesses());
        }
        call(() -> eval(settle, k.keys(), req.toString()), null);
    }

    @Override
    public BreakerState recordFailure(long providerId, BreakerConfig cfg, long nowMs) {
        if (cfg.disabled()) {
            return BreakerState.INITIAL;
        }
        return call(() -> {
            List<Object> r = evalList(failure, new String[] {keys.breaker(providerId)},
                    String.valueOf(nowMs), String.valueOf(cfg.failureThreshold()), String.valueOf(cfg.openMs()));
            return new BreakerState((String) r.get(0), ((Long) r.get(1)).intValue(), ((Long) r.get(2)).intValue(),
                    (Long) r.get(3), ((Long) r.get(4)) == 1L);
        }, BreakerState.INITIAL);
    }

    @Override
    public Map<Long, BreakerState> breakers(Collection<Long> providerIds, long nowMs) {
        return call(() -> {
            Map<Long, BreakerState> out = new LinkedHashMap<>();
            RedisCommands<String, String> c = connection.sync();
            for (Long id : providerIds) {
                Map<String, String> h = c.hgetall(keys.breaker(id));
                String state = h.getOrDefault("s", BreakerState.CLOSED);
                long until = Long.parseLong(h.getOrDefault("u", "0"));
                if (BreakerState.OPEN.equals(state) && nowMs >= until) {
                    state = BreakerState.HALF_OPEN;
                }
                out.put(id, new BreakerState(state, Integer.parseInt(h.getOrDefault("f", "0")),
                        Integer.parseInt(h.getOrDefault("h", "0")), until, false));
            }
            return out;
        }, Map.of());
    }

    @Override
    public void resetBreaker(long providerId) {
        call(() -> connection.sync().del(keys.breaker(providerId)), 0L);
    }

    @Override
    public Usage usage(Subject subject, Collection<Window> windows, long sessionTtlMs, long nowMs) {
        RedisKeys.Collector k = new RedisKeys.Collector();
        k.add(keys.rpm(subject));
        k.add(keys.sessions(subject));
        ObjectNode req = mapper.createObjectNode().put("now", nowMs).put("ttl", sessionTtlMs);
        windows(req.putArray("windows"), List.copyOf(windows), k);
        List<Window> ws = List.copyOf(windows);
        return call(() -> {
            JsonNode n = read(eval(usage, k.keys(), req.toString()));
            Map<String, Long> values = new LinkedHashMap<>();
            Map<String, Long> resets = new LinkedHashMap<>();
            for (int i = 0; i < ws.size(); i++) {
                JsonNode w = n.path("w").get(i);
                values.put(ws.get(i).kind().wireName(), w.get(0).asLong());
                resets.put(ws.get(i).kind().wireName(), w.get(1).asLong());
            }
            return new Usage(values, resets, n.path("rpm").asLong(), n.path("sessions").asLong());
        }, new Usage(Map.of(), Map.of(), 0, 0));
    }

    @Override
    public void endSession(String scopedSessionId, Collection<Subject> holders) {
        call(() -> {
            RedisCommands<String, String> c = connection.sync();
            c.del(keys.binding(scopedSessionId), keys.inflight(scopedSessionId));
            for (Subject s : holders) {
                c.zrem(keys.sessions(s), scopedSessionId);
            }
            return 1L;
        }, 0L);
    }

    @Override
    public void publish(String channel, String message) {
        call(() -> connection.sync().publish(keys.of("ch:" + channel), message), 0L);
    }

    @Override
    public void subscribe(String channel, Consumer<String> listener) {
        listeners.computeIfAbsent(keys.of("ch:" + channel), c -> new CopyOnWriteArrayList<>()).add(listener);
        StatefulRedisPubSubConnection<String, String> ps = pubsub;
        if (ps != null) {
            call(() -> {
                ps.sync().subscribe(keys.of("ch:" + channel));
                return 1L;
            }, 0L);
        }
    }

    /** How many subscriptions Redis holds for the channels this store listens to. */
    public long subscriberCount() {
        if (listeners.isEmpty()) {
            return 0;
        }
        return call(() -> connection.sync().pubsubNumsub(listeners.keySet().toArray(String[]::new))
                .values().stream().mapToLong(Long::longValue).sum(), 0L);
    }

    /** Deletes every key under this store's prefix (tests clean up after themselves with it). */
    public long deleteAll() {
        return call(() -> {
            RedisCommands<String, String> c = connection.sync();
            long n = 0;
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                var page = c.scan(cursor, ScanArgs.Builder.matches(keys.prefix().replace("{", "\\{").replace("}", "\\}") + "*").limit(500));
                if (!page.getKeys().isEmpty()) {
                    n += c.unlink(page.getKeys().toArray(String[]::new));
                }
                cursor = page;
            } while (!cursor.isFinished());
            return n;
        }, 0L);
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
    }

    private static void windows(ArrayNode out, List<Window> windows, RedisKeys.Collector k) {
        for (Window w : windows) {
            out.addObject().put("kind", w.kind().wireName()).put("k", k.add(w.key()))
                    .put("m", switch (w.mode()) {
                        case CALENDAR -> "c";
                        case ROLLING -> "r";
                        case FROM_FIRST -> "f";
                    })
                    .put("limit", w.limitNano()).put("len", w.lengthMs()).put("b", w.bucketMs())
                    .put("exp", w.expireAtMs()).put("reset", w.resetAtMs());
        }
    }

    private String eval(LuaScript script, String[] keyList, String arg) {
        String[] full = new String[keyList.length];
        for (int i = 0; i < keyList.length; i++) {
            full[i] = keyList[i].startsWith(keys.prefix()) ? keyList[i] : keys.of(keyList[i]);
        }
        RedisCommands<String, String> c = connection.sync();
        try {
            return c.evalsha(script.sha(), ScriptOutputType.VALUE, full, arg);
        } catch (RedisNoScriptException e) {
            c.scriptLoad(script.source());
            return c.evalsha(script.sha(), ScriptOutputType.VALUE, full, arg);
        }
    }

    private List<Object> evalList(LuaScript script, String[] keyList, String... args) {
        RedisCommands<String, String> c = connection.sync();
        try {
            return c.evalsha(script.sha(), ScriptOutputType.MULTI, keyList, args);
        } catch (RedisNoScriptException e) {
            c.scriptLoad(script.source());
            return c.evalsha(script.sha(), ScriptOutputType.MULTI, keyList, args);
        }
    }

    private <T> T call(Supplier<T> op, T fallback) {
        if (!up || connection == null) {
            failOpens.incrementAndGet();
            return fallback;
        }
        try {
            return op.get();
        } catch (RedisCommandExecutionException | UnsupportedOperationException e) {
            // Redis answered, but the script or a reply was wrong: a bug, not an outage
            LOG.log(Level.SEVERE, "state store operation failed; allowing the request", e);
            failOpens.incrementAndGet();
            return fallback;
        } catch (RuntimeException e) {
            markDown(e);
            failOpens.incrementAndGet();
            return fallback;
        }
    }

    private void markDown(RuntimeException e) {
        if (up) {
            LOG.warning("Redis unreachable (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); limits fail open until it answers again");
        }
        up = false;
    }

    private void probeIfDown() {
        if (!up) {
            tryConnect();
        } else if (skew.due()) {
            call(() -> {
                skew.measure(connection.sync()::time);
                return 1L;
            }, 0L);
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
            for (LuaScript s : List.of(admit, settle, failure, usage)) {
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
            up = true;
        } catch (RuntimeException e) {
            up = false;
        }
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
