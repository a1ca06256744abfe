package dev.cch.server.state;

import dev.cch.protocol.admin.Limits;
import dev.cch.protocol.admin.ResetMode;
import dev.cch.server.limits.LimitKind;
import dev.cch.server.limits.Money;
import dev.cch.server.limits.SpendCalendar;
import dev.cch.server.limits.Subject;
import dev.cch.server.limits.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every state store must do, run against both adapters. Time is passed in: the tests move it by hand, starting
 * from today at 10:00 on this run's clock (the machine's, moved by the subclass's shift), never from a fixed date:
 * a store may hand instants to a server with a clock of its own (Redis expires keys by its clock).
 */
abstract class StateStoreContract {
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final long MIN = 60_000;
    static final long TTL = 5 * MIN;
    static final BreakerConfig BREAKER = new BreakerConfig(3, 30 * MIN, 2);

    /** The first instant of every test: today (on this run's clock) at 10:00 in {@link #ZONE}. */
    final ZonedDateTime start;
    final long T0;
    final SpendCalendar calendar = new SpendCalendar(() -> ZONE);
    final AtomicInteger ids = new AtomicInteger();
    StateStore store;
    final Subject user = Subject.user(1, 0);
    final Subject key = Subject.key(10, 0);

    /** @param clockShift how far this run's clock is from the machine's */
    StateStoreContract(Duration clockShift) {
        start = ZonedDateTime.now(ZONE).plus(clockShift).toLocalDate().atTime(10, 0).atZone(ZONE);
        T0 = start.toInstant().toEpochMilli();
    }

    abstract StateStore create();

    @BeforeEach
    void open() {
        store = create();
    }

    @AfterEach
    void close() {
        store.close();
    }

    Limits limits(Integer rpm, String daily) {
        return new Limits(rpm, null, null, daily == null ? null : new BigDecimal(daily), null, null, null, null, null, null);
    }

    AdmitRequest.RateSubject subject(Subject s, Limits l, long now) {
        return new AdmitRequest.RateSubject(s, l.rpm(), calendar.windows(s, l, now), l.concurrentSessions());
    }

    Admission admit(long now, Limits userLimits, String session, List<AdmitRequest.ProviderProbe> providers) {
        AdmitRequest.SessionAsk ask = session == null ? null
                : new AdmitRequest.SessionAsk("10/" + session, "10/" + session + "-alt", false, TTL);
        return store.admit(new AdmitRequest(now, "r" + ids.incrementAndGet(),
                List.of(subject(key, Limits.NONE, now), subject(user, userLimits, now)), ask, providers));
    }

    void spend(long now, Limits userLimits, String usd, String session) {
        store.settle(new Settlement(now, "s" + ids.incrementAndGet(), Money.toNano(new BigDecimal(usd)),
                List.of(new Settlement.Spend(user, calendar.windows(user, userLimits, now))),
                session == null ? null : "10/" + session, TTL, null, null, null));
    }

    @Test
    void rpmLimitAdmitsExactlyItsNumberPerSlidingMinute() {
        Limits l = limits(3, null);
        for (int i = 0; i < 3; i++) {
            assertThat(admit(T0 + i * 1000, l, null, List.of()).admitted()).isTrue();
        }
        Admission refused = admit(T0 + 5000, l, null, List.of());
        assertThat(refused.rejection().kind()).isEqualTo(LimitKind.RPM);
        assertThat(refused.rejection().subject()).isEqualTo(user);
        assertThat(refused.rejection().limit()).isEqualTo(3);
        assertThat(refused.rejection().resetAtMs()).isEqualTo(T0 + MIN);
        // the refused request was not counted: the first slot frees at exactly one minute
        assertThat(admit(T0 + MIN - 1, l, null, List.of()).admitted()).isFalse();
        assertThat(admit(T0 + MIN, l, null, List.of()).admitted()).isTrue();
    }

    @Test
    void concurrentAdmissionsNeverExceedTheRpmLimit() throws Exception {
        Limits l = limits(10, null);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Boolean> results = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 40; i++) {
            pool.submit(() -> {
                start.await();
                results.add(admit(T0, l, null, List.of()).admitted());
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(results).hasSize(40);
        assertThat(results.stream().filter(b -> b).count()).isEqualTo(10);
    }

    @Test
    void dailySpendLimitRefusesWith402KindOnceReachedAndResetsAtTheResetTime() {
        Limits l = limits(null, "1.00");
        spend(T0, l, "0.60", null);
        assertThat(admit(T0 + 1, l, null, List.of()).admitted()).isTrue();
        spend(T0 + 2, l, "0.40", null);
        Admission refused = admit(T0 + 3, l, null, List.of());
        assertThat(refused.rejection().kind()).isEqualTo(LimitKind.USD_DAILY);
        assertThat(refused.rejection().kind().status()).isEqualTo(402);
        assertThat(refused.rejection().current()).isEqualTo(1_000_000_000L);
        long midnight = start.toLocalDate().plusDays(1).atStartOfDay(ZONE).toInstant().toEpochMilli();
        assertThat(refused.rejection().resetAtMs()).isEqualTo(midnight);
        assertThat(admit(midnight, l, null, List.of()).admitted()).isTrue();
    }

    @Test
    void rollingFiveHourWindowForgetsSpendOlderThanFiveHours() {
        Limits l = new Limits(null, new BigDecimal("2"), ResetMode.ROLLING, null, null, null, null, null, null, null);
        spend(T0, l, "1.5", null);
        spend(T0 + 60 * MIN, l, "0.5", null);
        assertThat(admit(T0 + 61 * MIN, l, null, List.of()).rejection().kind()).isEqualTo(LimitKind.USD_5H);
        assertThat(admit(T0 + 5 * 60 * MIN + MIN, l, null, List.of()).admitted()).isTrue();
        StateStore.Usage u = store.usage(user, calendar.windows(user, l, T0 + 5 * 60 * MIN + MIN), TTL, T0 + 5 * 60 * MIN + MIN);
        assertThat(u.windowNano().get("usd_5h")).isEqualTo(500_000_000L);
    }

    @Test
    void fixedFiveHourWindowStartsWithTheFirstSpend() {
        Limits l = new Limits(null, new BigDecimal("1"), ResetMode.FIXED, null, null, null, null, null, null, null);
        spend(T0 + 10 * MIN, l, "1", null);
        Admission refused = admit(T0 + 20 * MIN, l, null, List.of());
        assertThat(refused.rejection().kind()).isEqualTo(LimitKind.USD_5H);
        assertThat(refused.rejection().resetAtMs()).isBetween(T0 + 10 * MIN + 5 * 60 * MIN - 1000, T0 + 10 * MIN + 5 * 60 * MIN + 60_000);
    }

    @Test
    void weeklyMonthlyAndTotalWindowsAccumulateIndependently() {
        Limits l = new Limits(null, null, null, null, null, null, new BigDecimal("10"), new BigDecimal("20"), new BigDecimal("3"), null);
        spend(T0, l, "2", null);
        spend(T0 + 1, l, "1", null);
        assertThat(admit(T0 + 2, l, null, List.of()).rejection().kind()).isEqualTo(LimitKind.USD_TOTAL);
        StateStore.Usage u = store.usage(user, calendar.windows(user, l, T0 + 2), TTL, T0 + 2);
        assertThat(u.windowNano()).containsEntry("usd_weekly", 3_000_000_000L).containsEntry("usd_monthly", 3_000_000_000L)
                .containsEntry("usd_total", 3_000_000_000L);
        // a reset of the user's limits (a new reset epoch) starts every window from zero
        Subject afterReset = Subject.user(1, T0 + 3);
        assertThat(store.usage(afterReset, calendar.windows(afterReset, l, T0 + 4), TTL, T0 + 4).windowNano().get("usd_total")).isZero();
    }

    @Test
    void largeAmountsAddUpExactlyToTheNanoDollar() {
        Limits l = limits(null, null);
        spend(T0, l, "123456.789012345", null);
        spend(T0 + 1, l, "0.000000001", null);
        StateStore.Usage u = store.usage(user, calendar.windows(user, l, T0 + 2), TTL, T0 + 2);
        assertThat(u.windowNano()).containsEntry("usd_daily", 123_456_789_012_346L).containsEntry("usd_total", 123_456_789_012_346L)
                .containsEntry("usd_5h", 123_456_789_012_346L);
    }

    @Test
    void concurrentSessionLimitRefusesANewSessionButNotAKnownOne() {
        Limits l = new Limits(null, null, null, null, null, null, null, null, null, 2);
        assertThat(admit(T0, l, "a", List.of()).admitted()).isTrue();
        assertThat(admit(T0 + 1, l, "b", List.of()).admitted()).isTrue();
        Admission third = admit(T0 + 2, l, "c", List.of());
        assertThat(third.rejection().kind()).isEqualTo(LimitKind.CONCURRENT_SESSIONS);
        assertThat(third.rejection().kind().status()).isEqualTo(429);
        assertThat(admit(T0 + 3, l, "a", List.of()).admitted()).isTrue();
        // sessions idle for longer than the TTL no longer count
        assertThat(admit(T0 + 3 + TTL, l, "c", List.of()).admitted()).isTrue();
    }

    @Test
    void shortRequestOnABusySessionGetsItsOwnSession() {
        AdmitRequest.SessionAsk ask = new AdmitRequest.SessionAsk("10/s1", "10/s1-alt", true, TTL);
        AdmitRequest first = new AdmitRequest(T0, "r1", List.of(subject(user, Limits.NONE, T0)), ask, List.of());
        assertThat(store.admit(first).sessionId()).isEqualTo("10/s1");
        AdmitRequest second = new AdmitRequest(T0 + 1, "r2", List.of(subject(user, Limits.NONE, T0)), ask, List.of());
        assertThat(store.admit(second).sessionId()).isEqualTo("10/s1-alt");
        store.settle(new Settlement(T0 + 2, "r1", 0, List.of(), "10/s1", TTL, null, null, null));
        AdmitRequest third = new AdmitRequest(T0 + 3, "r3", List.of(subject(user, Limits.NONE, T0)), ask, List.of());
        assertThat(store.admit(third).sessionId()).isEqualTo("10/s1");
    }

    @Test
    void bindingIsWrittenCompareAndSetAndReadOnAdmission() {
        Settlement.Binding bindTo7 = new Settlement.Binding("10/s", null, 7, false, TTL);
        store.settle(new Settlement(T0, "r", 0, List.of(), null, TTL, null, bindTo7, null));
        assertThat(admit(T0 + 1, Limits.NONE, "s", List.of()).boundProvider()).isEqualTo(7L);
        // a first-attempt success elsewhere does not steal a live binding...
        store.settle(new Settlement(T0 + 2, "r", 0, List.of(), null, TTL, null, new Settlement.Binding("10/s", null, 8, false, TTL), null));
        assertThat(admit(T0 + 3, Limits.NONE, "s", List.of()).boundProvider()).isEqualTo(7L);
        // ...a compare-and-set from the binding it read does, and so does a forced move after failover
        store.settle(new Settlement(T0 + 4, "r", 0, List.of(), null, TTL, null, new Settlement.Binding("10/s", 7L, 8, false, TTL), null));
        assertThat(admit(T0 + 5, Limits.NONE, "s", List.of()).boundProvider()).isEqualTo(8L);
        store.settle(new Settlement(T0 + 6, "r", 0, List.of(), null, TTL, null, new Settlement.Binding("10/s", 3L, 9, true, TTL), null));
        assertThat(admit(T0 + 7, Limits.NONE, "s", List.of()).boundProvider()).isEqualTo(9L);
        // bindings expire after the TTL
        assertThat(admit(T0 + 6 + TTL, Limits.NONE, "s", List.of()).boundProvider()).isNull();
    }

    @Test
    void breakerOpensAfterThresholdGoesHalfOpenAfterItsTimeAndClosesAfterSuccesses() {
        assertThat(store.recordFailure(5, BREAKER, T0).state()).isEqualTo(BreakerState.CLOSED);
        store.recordFailure(5, BREAKER, T0 + 1);
        BreakerState opened = store.recordFailure(5, BREAKER, T0 + 2);
        assertThat(opened.state()).isEqualTo(BreakerState.OPEN);
        assertThat(opened.changed()).isTrue();
        assertThat(opened.openUntilMs()).isEqualTo(T0 + 2 + 30 * MIN);
        assertThat(store.breakers(List.of(5L), T0 + 30 * MIN).get(5L).state()).isEqualTo(BreakerState.OPEN);
        assertThat(store.breakers(List.of(5L), T0 + 2 + 30 * MIN).get(5L).state()).isEqualTo(BreakerState.HALF_OPEN);

        success(5, T0 + 31 * MIN);
        assertThat(store.breakers(List.of(5L), T0 + 31 * MIN).get(5L).state()).isEqualTo(BreakerState.HALF_OPEN);
        success(5, T0 + 32 * MIN);
        BreakerState closed = store.breakers(List.of(5L), T0 + 32 * MIN).get(5L);
        assertThat(closed.state()).isEqualTo(BreakerState.CLOSED);
        assertThat(closed.failures()).isZero();
    }

    @Test
    void failureWhileHalfOpenReopensAtOnce() {
        for (int i = 0; i < 3; i++) {
            store.recordFailure(6, BREAKER, T0);
        }
        BreakerState reopened = store.recordFailure(6, BREAKER, T0 + 30 * MIN);
        assertThat(reopened.state()).isEqualTo(BreakerState.OPEN);
        assertThat(reopened.openUntilMs()).isEqualTo(T0 + 60 * MIN);
    }

    @Test
    void successInClosedStateForgetsEarlierFailuresAndResetCloses() {
        store.recordFailure(7, BREAKER, T0);
        store.recordFailure(7, BREAKER, T0);
        success(7, T0 + 1);
        assertThat(store.recordFailure(7, BREAKER, T0 + 2).failures()).isEqualTo(1);
        for (int i = 0; i < 3; i++) {
            store.recordFailure(7, BREAKER, T0 + 3);
        }
        store.resetBreaker(7);
        assertThat(store.breakers(List.of(7L), T0 + 4).get(7L)).isEqualTo(BreakerState.INITIAL);
    }

    @Test
    void breakerWithZeroThresholdNeverOpens() {
        BreakerConfig off = new BreakerConfig(0, MIN, 1);
        for (int i = 0; i < 10; i++) {
            assertThat(store.recordFailure(8, off, T0).state()).isEqualTo(BreakerState.CLOSED);
        }
    }

    @Test
    void admissionReportsEachCandidateProvidersBreakerSpendAndSessions() {
        Subject p1 = Subject.provider(1, 0);
        Subject p2 = Subject.provider(2, 0);
        Subject p3 = Subject.provider(3, 0);
        Limits pLimit = limits(null, "1");
        store.settle(new Settlement(T0, "x", Money.toNano(BigDecimal.ONE), List.of(new Settlement.Spend(p2,
                calendar.windows(p2, pLimit, T0))), null, TTL, null, null, null));
        store.settle(new Settlement(T0, "x", 0, List.of(), "10/other", TTL, new Settlement.Holder(p3), null, null));
        for (int i = 0; i < 3; i++) {
            store.recordFailure(1, BREAKER, T0);
        }
        List<AdmitRequest.ProviderProbe> probes = List.of(
                new AdmitRequest.ProviderProbe(1, p1, calendar.windows(p1, Limits.NONE, T0), null, BREAKER),
                new AdmitRequest.ProviderProbe(2, p2, calendar.windows(p2, pLimit, T0), null, BREAKER),
                new AdmitRequest.ProviderProbe(3, p3, calendar.windows(p3, Limits.NONE, T0), 1, BREAKER));
        Map<Long, Admission.ProviderState> states = admit(T0 + 1, Limits.NONE, "mine", probes).providers();
        assertThat(states.get(1L).breaker().state()).isEqualTo(BreakerState.OPEN);
        assertThat(states.get(1L).unavailable()).isNull();
        assertThat(states.get(2L).unavailable()).isEqualTo("spend limit usd_daily reached");
        assertThat(states.get(3L).unavailable()).isEqualTo("concurrent session limit reached");
    }

    @Test
    void refusedRequestsAreNotCountedAnywhere() {
        Limits l = new Limits(1, null, null, null, null, null, null, null, null, 1);
        assertThat(admit(T0, l, "a", List.of()).admitted()).isTrue();
        assertThat(admit(T0 + 1, l, "b", List.of()).admitted()).isFalse();
        StateStore.Usage u = store.usage(user, List.of(), TTL, T0 + 2);
        assertThat(u.rpm()).isEqualTo(1);
        assertThat(u.sessions()).isEqualTo(1);
    }

    @Test
    void endingASessionClearsItsBindingAndActivity() {
        Limits l = new Limits(null, null, null, null, null, null, null, null, null, 1);
        admit(T0, l, "a", List.of());
        store.settle(new Settlement(T0, "r", 0, List.of(), "10/a", TTL, null, new Settlement.Binding("10/a", null, 4, false, TTL), null));
        store.endSession("10/a", List.of(user, key));
        assertThat(admit(T0 + 1, l, "b", List.of()).admitted()).isTrue();
        assertThat(admit(T0 + 2, Limits.NONE, "a", List.of()).boundProvider()).isNull();
    }

    @Test
    void anIdIsLockedAtItsThresholdOfAuthFailuresForTheLockTimeAndSeenLockedUntilThen() {
        Map<String, Integer> credential = Map.of("key:abc", 3);
        assertThat(store.countAuthFailure(credential, 5 * MIN, 15 * MIN, T0)).isEmpty();
        assertThat(store.countAuthFailure(credential, 5 * MIN, 15 * MIN, T0 + 1)).isEmpty();
        assertThat(store.authLocks(List.of("key:abc"), T0 + 2)).isEmpty();
        assertThat(store.countAuthFailure(credential, 5 * MIN, 15 * MIN, T0 + 2)).containsExactly(Map.entry("key:abc", T0 + 2 + 15 * MIN));
        assertThat(store.authLocks(List.of("key:abc", "ip:10.0.0.1"), T0 + 15 * MIN))
                .containsExactly(Map.entry("key:abc", T0 + 2 + 15 * MIN));
        // failures while locked do not extend the lock; once it ends, counting starts again from nothing
        assertThat(store.countAuthFailure(credential, 5 * MIN, 15 * MIN, T0 + 10 * MIN)).containsEntry("key:abc", T0 + 2 + 15 * MIN);
        assertThat(store.authLocks(List.of("key:abc"), T0 + 2 + 15 * MIN)).isEmpty();
        assertThat(store.countAuthFailure(credential, 5 * MIN, 15 * MIN, T0 + 16 * MIN)).isEmpty();
    }

    @Test
    void authFailuresOlderThanTheWindowAreForgotten() {
        Map<String, Integer> address = Map.of("ip:10.0.0.2", 3);
        store.countAuthFailure(address, 5 * MIN, 15 * MIN, T0);
        store.countAuthFailure(address, 5 * MIN, 15 * MIN, T0 + MIN);
        assertThat(store.countAuthFailure(address, 5 * MIN, 15 * MIN, T0 + 5 * MIN)).as("the window began with the first").isEmpty();
        store.countAuthFailure(address, 5 * MIN, 15 * MIN, T0 + 6 * MIN);
        assertThat(store.countAuthFailure(address, 5 * MIN, 15 * MIN, T0 + 7 * MIN)).containsKey("ip:10.0.0.2");
    }

    @Test
    void oneFailureCountsAgainstEachIdWithItsOwnThreshold() {
        Map<String, Integer> both = new java.util.LinkedHashMap<>();
        both.put("key:k1", 2);
        both.put("ip:10.0.0.3", 3);
        assertThat(store.countAuthFailure(both, 5 * MIN, 15 * MIN, T0)).isEmpty();
        assertThat(store.countAuthFailure(both, 5 * MIN, 15 * MIN, T0 + 1)).containsOnlyKeys("key:k1");
        assertThat(store.countAuthFailure(Map.of("key:k2", 2, "ip:10.0.0.3", 3), 5 * MIN, 15 * MIN, T0 + 2))
                .containsOnlyKeys("ip:10.0.0.3");
        assertThat(store.authLocks(List.of("key:k1", "key:k2", "ip:10.0.0.3", "ip:10.0.0.4"), T0 + 3))
                .containsOnlyKeys("key:k1", "ip:10.0.0.3");
    }

    @Test
    void publishedMessagesReachSubscribers() throws Exception {
        List<String> got = new ArrayList<>();
        CountDownLatch received = new CountDownLatch(1);
        store.subscribe("changes", m -> {
            got.add(m);
            received.countDown();
        });
        awaitSubscribed();
        store.publish("changes", "providers");
        assertThat(received.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(got).containsExactly("providers");
    }

    /** Redis subscriptions are asynchronous; the local store's are immediate. */
    void awaitSubscribed() {
    }

    private void success(long providerId, long now) {
        store.settle(new Settlement(now, "ok", 0, List.of(), null, TTL, null, null, new Settlement.Success(providerId, BREAKER)));
    }

    static Window window(List<Window> ws, LimitKind kind) {
        return ws.stream().filter(w -> w.kind() == kind).findFirst().orElseThrow();
    }
}
