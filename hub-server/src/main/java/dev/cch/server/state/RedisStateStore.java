package dev.cch.server.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cch.server.limits.LimitKind;
import dev.cch.server.limits.Subject;
import dev.cch.server.limits.Window;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The state store in Redis (Lettuce). Every operation is one Lua script from {@code resources/lua}, loaded once and
 * run by SHA (reloaded on NOSCRIPT), through a {@link RedisLink} that fails every call open at once while Redis is
 * unreachable and brings enforcement back by itself when it answers again.
 */
public final class RedisStateStore implements StateStore {
    private final RedisKeys keys;
    private final ObjectMapper mapper;
    private final LuaScript admit = LuaScript.load("admit");
    private final LuaScript settle = LuaScript.load("settle");
    private final LuaScript failure = LuaScript.load("breaker_failure");
    private final LuaScript usage = LuaScript.load("usage");
    private final LuaScript authFailure = LuaScript.load("auth_failure");
    private final LuaScript authLocks = LuaScript.load("auth_locks");
    private final RedisLink link;

    public RedisStateStore(String url, String prefix, Duration timeout, ObjectMapper mapper) {
        this(url, prefix, timeout, mapper, Clock.systemUTC());
    }

    /** @param clock this node's clock, only to measure how far it is from Redis' (operations get their time passed in) */
    public RedisStateStore(String url, String prefix, Duration timeout, ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.keys = new RedisKeys(prefix);
        this.link = new RedisLink(url, timeout, clock, List.of(admit, settle, failure, usage, authFailure, authLocks));
    }

    @Override
    public long clockSkewMs() {
        return link.clockSkewMs();
    }

    @Override
    public String kind() {
        return "redis";
    }

    @Override
    public boolean available() {
        return link.up();
    }

    /** How many operations were answered "allowed" because Redis was unreachable or slow. */
    public long failOpens() {
        return link.failOpens();
    }

    /** How many times Redis was found unreachable (limits off until it answered again). */
    public long outages() {
        return link.outages();
    }

    /** How many commands timed out on a live connection (each failed open alone). */
    public long slowCommands() {
        return link.slowCommands();
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
        return link.call(c -> parseAdmission(eval(c, admit, k.keys(), req.toString()), r), Admission.failOpen(sid));
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
        link.call(c -> eval(c, settle, k.keys(), req.toString()), null);
    }

    @Override
    public BreakerState recordFailure(long providerId, BreakerConfig cfg, long nowMs) {
        if (cfg.disabled()) {
            return BreakerState.INITIAL;
        }
        return link.call(c -> {
            List<Object> r = RedisLink.evalsha(c, failure, ScriptOutputType.MULTI, new String[] {keys.breaker(providerId)},
                    String.valueOf(nowMs), String.valueOf(cfg.failureThreshold()), String.valueOf(cfg.openMs()));
            return new BreakerState((String) r.get(0), ((Long) r.get(1)).intValue(), ((Long) r.get(2)).intValue(),
                    (Long) r.get(3), ((Long) r.get(4)) == 1L);
        }, BreakerState.INITIAL);
    }

    @Override
    public Map<Long, BreakerState> breakers(Collection<Long> providerIds, long nowMs) {
        return link.call(c -> {
            Map<Long, BreakerState> out = new LinkedHashMap<>();
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
        link.call(c -> c.del(keys.breaker(providerId)), 0L);
    }

    @Override
    public Map<String, Long> countAuthFailure(Map<String, Integer> thresholds, long windowMs, long lockMs, long nowMs) {
        List<String> ids = List.copyOf(thresholds.keySet());
        List<String> args = new ArrayList<>(List.of(String.valueOf(nowMs), String.valueOf(windowMs), String.valueOf(lockMs)));
        ids.forEach(id -> args.add(String.valueOf(Math.max(1, thresholds.get(id)))));
        return link.call(c -> locked(ids, RedisLink.evalsha(c, authFailure, ScriptOutputType.MULTI, authKeys(ids),
                args.toArray(String[]::new))), Map.of());
    }

    @Override
    public Map<String, Long> authLocks(Collection<String> ids, long nowMs) {
        List<String> list = List.copyOf(ids);
        return link.call(c -> locked(list, RedisLink.evalsha(c, authLocks, ScriptOutputType.MULTI, authKeys(list),
                String.valueOf(nowMs))), Map.of());
    }

    private String[] authKeys(List<String> ids) {
        return ids.stream().map(keys::authFailures).toArray(String[]::new);
    }

    /** The ids whose script answer (the end of their lock, 0 when not locked) says they are locked. */
    private static Map<String, Long> locked(List<String> ids, List<Object> untils) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            if ((Long) untils.get(i) > 0) {
                out.put(ids.get(i), (Long) untils.get(i));
            }
        }
        return out;
    }

    @Override
    public Usage usage(Subject subject, Collection<Window> windows, long sessionTtlMs, long nowMs) {
        RedisKeys.Collector k = new RedisKeys.Collector();
        k.add(keys.rpm(subject));
        k.add(keys.sessions(subject));
        ObjectNode req = mapper.createObjectNode().put("now", nowMs).put("ttl", sessionTtlMs);
        windows(req.putArray("windows"), List.copyOf(windows), k);
        List<Window> ws = List.copyOf(windows);
        return link.call(c -> {
            JsonNode n = read(eval(c, usage, k.keys(), req.toString()));
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
        link.call(c -> {
            c.del(keys.binding(scopedSessionId), keys.inflight(scopedSessionId));
            for (Subject s : holders) {
                c.zrem(keys.sessions(s), scopedSessionId);
            }
            return 1L;
        }, 0L);
    }

    @Override
    public void publish(String channel, String message) {
        link.publish(keys.of("ch:" + channel), message);
    }

    @Override
    public void subscribe(String channel, Consumer<String> listener) {
        link.subscribe(keys.of("ch:" + channel), listener);
    }

    /** How many subscriptions Redis holds for the channels this store listens to. */
    public long subscriberCount() {
        return link.subscriberCount();
    }

    /** Deletes every key under this store's prefix (tests clean up after themselves with it). */
    public long deleteAll() {
        return link.call(c -> {
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
        link.close();
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

    private String eval(RedisCommands<String, String> c, LuaScript script, String[] keyList, String arg) {
        String[] full = new String[keyList.length];
        for (int i = 0; i < keyList.length; i++) {
            full[i] = keyList[i].startsWith(keys.prefix()) ? keyList[i] : keys.of(keyList[i]);
        }
        return RedisLink.evalsha(c, script, ScriptOutputType.VALUE, full, arg);
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
