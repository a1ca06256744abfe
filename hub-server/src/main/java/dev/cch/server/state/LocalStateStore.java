package dev.cch.server.state;

import dev.cch.server.limits.LimitKind;
import dev.cch.server.limits.Subject;
import dev.cch.server.limits.Window;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The state store of a single hub node, in memory. Every operation holds one lock, which gives it the same
 * all-or-nothing behaviour the Redis adapter gets from running each operation as one Lua script.
 */
public final class LocalStateStore implements StateStore {
    private static final long RPM_WINDOW = 60_000;

    private final Object lock = new Object();
    private final Map<String, Long> counters = new HashMap<>();
    private final Map<String, Long> expiries = new HashMap<>();
    private final Map<String, Rolling> rolling = new HashMap<>();
    private final Map<String, Deque<Long>> rpm = new HashMap<>();
    private final Map<String, Map<String, Long>> sessions = new HashMap<>();
    private final Map<String, Integer> inflight = new HashMap<>();
    private final Map<String, long[]> bindings = new HashMap<>();
    private final Map<Long, BreakerState> breakers = new HashMap<>();
    private final Map<String, List<Consumer<String>>> channels = new ConcurrentHashMap<>();
    private final LocalAuthFailures authFailures = new LocalAuthFailures();
    private int operations;

    /** Buckets of a rolling window and their running total. */
    private static final class Rolling {
        final TreeMap<Long, Long> buckets = new TreeMap<>();
        long total;
    }

    @Override
    public String kind() {
        return "local";
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public Admission admit(AdmitRequest r) {
        synchronized (lock) {
            long now = r.nowMs();
            sweepNow(now);
            String sid = null;
            if (r.session() != null) {
                AdmitRequest.SessionAsk s = r.session();
                sid = s.shortContext() && inflight.getOrDefault(s.id(), 0) > 0 ? s.altId() : s.id();
            }
            Admission.Rejection rejection = check(r, sid, now);
            if (rejection != null) {
                return new Admission(false, rejection, sid, null, Map.of());
            }
            for (AdmitRequest.RateSubject s : r.subjects()) {
                rpm.computeIfAbsent("rpm:" + s.subject().tag(), k -> new ArrayDeque<>()).addLast(now);
                if (sid != null) {
                    sessions.computeIfAbsent(sessionsKey(s.subject()), k -> new HashMap<>()).put(sid, now);
                }
            }
            Long bound = null;
            if (sid != null) {
                inflight.merge(sid, 1, Integer::sum);
                long[] b = bindings.get(sid);
                if (b != null && b[1] > now) {
                    bound = b[0];
                }
            }
            Map<Long, Admission.ProviderState> providers = new LinkedHashMap<>();
            for (AdmitRequest.ProviderProbe p : r.providers()) {
                BreakerState st = breaker(p.providerId(), now);
                String reason = null;
                for (Window w : p.windows()) {
                    if (w.limited() && current(w, now) >= w.limitNano()) {
                        reason = "spend limit " + w.kind().wireName() + " reached";
                        break;
                    }
                }
                if (reason == null && p.sessionLimit() != null && p.sessionLimit() > 0) {
                    Map<String, Long> set = pruned(sessionsKey(p.subject()), now, r.session() == null ? 0 : r.session().ttlMs());
                    if ((sid == null || !set.containsKey(sid)) && set.size() >= p.sessionLimit()) {
                        reason = "concurrent session limit reached";
                    }
                }
                providers.put(p.providerId(), new Admission.ProviderState(st, reason));
            }
            return new Admission(false, null, sid, bound, providers);
        }
    }

    private Admission.Rejection check(AdmitRequest r, String sid, long now) {
        long ttl = r.session() == null ? 0 : r.session().ttlMs();
        for (LimitKind kind : CheckOrder.KINDS) {
            for (AdmitRequest.RateSubject s : r.subjects()) {
                Admission.Rejection rej = switch (kind) {
                    case RPM -> checkRpm(s, now);
                    case CONCURRENT_SESSIONS -> checkSessions(s, sid, ttl, now);
                    default -> checkSpend(s, kind, now);
                };
                if (rej != null) {
                    return rej;
                }
            }
        }
        return null;
    }

    private Admission.Rejection checkRpm(AdmitRequest.RateSubject s, long now) {
        Deque<Long> q = rpm.computeIfAbsent("rpm:" + s.subject().tag(), k -> new ArrayDeque<>());
        while (!q.isEmpty() && q.peekFirst() <= now - RPM_WINDOW) {
            q.pollFirst();
        }
        if (s.rpm() != null && s.rpm() > 0 && q.size() >= s.rpm()) {
            return new Admission.Rejection(s.subject(), LimitKind.RPM, s.rpm(), q.size(), q.peekFirst() + RPM_WINDOW);
        }
        return null;
    }

    private Admission.Rejection checkSessions(AdmitRequest.RateSubject s, String sid, long ttl, long now) {
        if (sid == null || s.sessionLimit() == null || s.sessionLimit() <= 0) {
            return null;
        }
        Map<String, Long> set = pruned(sessionsKey(s.subject()), now, ttl);
        if (!set.containsKey(sid) && set.size() >= s.sessionLimit()) {
            long oldest = set.values().stream().mapToLong(Long::longValue).min().orElse(now);
            return new Admission.Rejection(s.subject(), LimitKind.CONCURRENT_SESSIONS, s.sessionLimit(), set.size(), oldest + ttl);
        }
        return null;
    }

    private Admission.Rejection checkSpend(AdmitRequest.RateSubject s, LimitKind kind, long now) {
        for (Window w : s.windows()) {
            if (w.kind() == kind && w.limited()) {
                long current = current(w, now);
                if (current >= w.limitNano()) {
                    return new Admission.Rejection(s.subject(), kind, w.limitNano(), current, resetAt(w, now));
                }
            }
        }
        return null;
    }

    private long current(Window w, long now) {
        return switch (w.mode()) {
            case CALENDAR, FROM_FIRST -> {
                Long exp = expiries.get(w.key());
                if (exp != null && exp <= now) {
                    counters.remove(w.key());
                    expiries.remove(w.key());
                    yield 0;
                }
                yield counters.getOrDefault(w.key(), 0L);
            }
            case ROLLING -> {
                Rolling roll = rolling.get(w.key());
                if (roll == null) {
                    yield 0;
                }
                long firstLive = Math.floorDiv(now - w.lengthMs(), w.bucketMs()) + 1;
                Iterator<Map.Entry<Long, Long>> it = roll.buckets.headMap(firstLive, false).entrySet().iterator();
                while (it.hasNext()) {
                    roll.total -= it.next().getValue();
                    it.remove();
                }
                yield roll.total;
            }
        };
    }

    private long resetAt(Window w, long now) {
        return switch (w.mode()) {
            case CALENDAR -> w.resetAtMs();
            case FROM_FIRST -> expiries.getOrDefault(w.key(), now + w.lengthMs());
            case ROLLING -> {
                Rolling roll = rolling.get(w.key());
                yield roll == null || roll.buckets.isEmpty() ? now : (roll.buckets.firstKey() + 1) * w.bucketMs() + w.lengthMs();
            }
        };
    }

    @Override
    public void settle(Settlement s) {
        synchronized (lock) {
            long now = s.nowMs();
            if (s.costNano() > 0) {
                for (Settlement.Spend spend : s.subjects()) {
                    for (Window w : spend.windows()) {
                        add(w, s.costNano(), now);
                    }
                }
            }
            if (s.session() != null) {
                inflight.computeIfPresent(s.session(), (k, v) -> v <= 1 ? null : v - 1);
                for (Settlement.Spend spend : s.subjects()) {
                    Map<String, Long> set = sessions.get(sessionsKey(spend.subject()));
                    if (set != null && set.containsKey(s.session())) {
                        set.put(s.session(), now);
                    }
                }
                if (s.provider() != null) {
                    sessions.computeIfAbsent(sessionsKey(s.provider().subject()), k -> new HashMap<>()).put(s.session(), now);
                }
            }
            Settlement.Binding b = s.binding();
            if (b != null) {
                long[] cur = bindings.get(b.session());
                Long current = cur != null && cur[1] > now ? cur[0] : null;
                if (current == null || b.force() || current.equals(b.expected()) || current == b.provider()) {
                    bindings.put(b.session(), new long[] {b.provider(), now + b.ttlMs()});
                }
            }
            if (s.breakerSuccess() != null) {
                success(s.breakerSuccess().providerId(), s.breakerSuccess().config(), now);
            }
        }
    }

    private void add(Window w, long cost, long now) {
        switch (w.mode()) {
            case CALENDAR -> {
                counters.merge(w.key(), cost, Long::sum);
                if (w.expireAtMs() > 0) {
                    expiries.put(w.key(), w.expireAtMs());
                }
            }
            case FROM_FIRST -> {
                current(w, now);
                if (!counters.containsKey(w.key())) {
                    expiries.put(w.key(), now + w.lengthMs());
                }
                counters.merge(w.key(), cost, Long::sum);
            }
            case ROLLING -> {
                Rolling roll = rolling.computeIfAbsent(w.key(), k -> new Rolling());
                current(w, now);
                roll.buckets.merge(Math.floorDiv(now, w.bucketMs()), cost, Long::sum);
                roll.total += cost;
            }
        }
    }

    @Override
    public BreakerState recordFailure(long providerId, BreakerConfig cfg, long nowMs) {
        synchronized (lock) {
            if (cfg.disabled()) {
                return BreakerState.INITIAL;
            }
            BreakerState st = breaker(providerId, nowMs);
            BreakerState next = switch (st.state()) {
                case BreakerState.OPEN -> new BreakerState(st.state(), st.failures() + 1, 0, st.openUntilMs(), false);
                case BreakerState.HALF_OPEN -> new BreakerState(BreakerState.OPEN, st.failures() + 1, 0, nowMs + cfg.openMs(), true);
                default -> st.failures() + 1 >= cfg.failureThreshold()
                        ? new BreakerState(BreakerState.OPEN, st.failures() + 1, 0, nowMs + cfg.openMs(), true)
                        : new BreakerState(BreakerState.CLOSED, st.failures() + 1, 0, 0, false);
            };
            breakers.put(providerId, next);
            return next;
        }
    }

    private void success(long providerId, BreakerConfig cfg, long now) {
        BreakerState st = breaker(providerId, now);
        BreakerState next = switch (st.state()) {
            case BreakerState.HALF_OPEN -> st.halfOpenSuccesses() + 1 >= cfg.halfOpenSuccesses()
                    ? new BreakerState(BreakerState.CLOSED, 0, 0, 0, true)
                    : new BreakerState(BreakerState.HALF_OPEN, st.failures(), st.halfOpenSuccesses() + 1, st.openUntilMs(), false);
            case BreakerState.CLOSED -> new BreakerState(BreakerState.CLOSED, 0, 0, 0, false);
            default -> st;
        };
        breakers.put(providerId, next);
    }

    /** The breaker as of now: an open breaker whose time is up reads (and becomes) half-open. */
    private BreakerState breaker(long providerId, long now) {
        BreakerState st = breakers.getOrDefault(providerId, BreakerState.INITIAL);
        if (BreakerState.OPEN.equals(st.state()) && now >= st.openUntilMs()) {
            st = new BreakerState(BreakerState.HALF_OPEN, st.failures(), 0, st.openUntilMs(), true);
            breakers.put(providerId, new BreakerState(st.state(), st.failures(), 0, st.openUntilMs(), false));
        }
        return st;
    }

    @Override
    public Map<Long, BreakerState> breakers(Collection<Long> providerIds, long nowMs) {
        synchronized (lock) {
            Map<Long, BreakerState> out = new LinkedHashMap<>();
            for (Long id : providerIds) {
                out.put(id, breaker(id, nowMs));
            }
            return out;
        }
    }

    @Override
    public void resetBreaker(long providerId) {
        synchronized (lock) {
            breakers.remove(providerId);
        }
    }

    @Override
    public Map<String, Long> countAuthFailure(Map<String, Integer> thresholds, long windowMs, long lockMs, long nowMs) {
        return authFailures.count(thresholds, windowMs, lockMs, nowMs);
    }

    @Override
    public Map<String, Long> authLocks(Collection<String> ids, long nowMs) {
        return authFailures.locks(ids, nowMs);
    }

    @Override
    public Usage usage(Subject subject, Collection<Window> windows, long sessionTtlMs, long nowMs) {
        synchronized (lock) {
            Map<String, Long> values = new LinkedHashMap<>();
            Map<String, Long> resets = new LinkedHashMap<>();
            for (Window w : windows) {
                values.put(w.kind().wireName(), current(w, nowMs));
                resets.put(w.kind().wireName(), resetAt(w, nowMs));
            }
            Deque<Long> q = rpm.getOrDefault("rpm:" + subject.tag(), new ArrayDeque<>());
            long recent = q.stream().filter(t -> t > nowMs - RPM_WINDOW).count();
            long active = pruned(sessionsKey(subject), nowMs, sessionTtlMs).size();
            return new Usage(values, resets, recent, active);
        }
    }

    @Override
    public void endSession(String scopedSessionId, Collection<Subject> holders) {
        synchronized (lock) {
            bindings.remove(scopedSessionId);
            inflight.remove(scopedSessionId);
            for (Subject s : holders) {
                Map<String, Long> set = sessions.get(sessionsKey(s));
                if (set != null) {
                    set.remove(scopedSessionId);
                }
            }
        }
    }

    @Override
    public void publish(String channel, String message) {
        for (Consumer<String> l : channels.getOrDefault(channel, List.of())) {
            l.accept(message);
        }
    }

    @Override
    public void subscribe(String channel, Consumer<String> listener) {
        channels.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(listener);
    }

    @Override
    public void close() {
    }

    private Map<String, Long> pruned(String key, long now, long ttl) {
        Map<String, Long> set = sessions.computeIfAbsent(key, k -> new HashMap<>());
        if (ttl > 0) {
            set.values().removeIf(seen -> seen <= now - ttl);
        }
        return set;
    }

    private static String sessionsKey(Subject s) {
        return "sessions:" + s.kind().tag() + ":" + s.id();
    }

    /** Drops expired counters and bindings now and then, so memory stays bounded. */
    private void sweepNow(long now) {
        if (++operations % 4096 != 0) {
            return;
        }
        List<String> expired = new ArrayList<>();
        expiries.forEach((k, exp) -> {
            if (exp <= now) {
                expired.add(k);
            }
        });
        expired.forEach(k -> {
            counters.remove(k);
            expiries.remove(k);
        });
        bindings.values().removeIf(b -> b[1] <= now);
        rpm.values().removeIf(q -> q.isEmpty() || q.peekLast() <= now - RPM_WINDOW);
    }
}
