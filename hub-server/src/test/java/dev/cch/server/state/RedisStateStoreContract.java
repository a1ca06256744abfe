package dev.cch.server.state;

import dev.cch.protocol.admin.Limits;
import dev.cch.server.health.Health;
import dev.cch.server.json.Json;
import dev.cch.server.limits.LimitKind;
import dev.cch.server.limits.Window;
import dev.cch.server.testing.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract against the real Redis on 127.0.0.1 on a clock shifted by the subclass, plus what only Redis must show. */
abstract class RedisStateStoreContract extends StateStoreContract {
    final String prefix = TestRedis.uniquePrefix();
    final Duration clockShift;
    RedisStateStore redis;

    RedisStateStoreContract(Duration clockShift) {
        super(clockShift);
        this.clockShift = clockShift;
    }

    @Override
    StateStore create() {
        redis = new RedisStateStore(TestRedis.URL, prefix, Duration.ofSeconds(2), Json.newMapper(),
                Clock.offset(Clock.systemUTC(), clockShift));
        return new CleaningStore(redis);
    }

    @Override
    void awaitSubscribed() {
        TestRedis.awaitSubscriber(redis);
    }

    @Test
    void measuresHowFarThisNodesClockIsFromRedis() {
        // Redis runs on this machine, so the skew is the shift
        assertThat(redis.clockSkewMs()).isBetween(clockShift.toMillis() - 2_000, clockShift.toMillis() + 2_000);
        // health names a node whose clock is off (beyond the tolerance) and says nothing of one that is not
        Map<String, String> checks = new Health(() -> true, redis, "test").view().checks();
        if (clockShift.isZero()) {
            assertThat(checks).doesNotContainKey("clock");
        } else {
            assertThat(checks.get("clock")).contains(clockShift.isNegative() ? "behind" : "ahead of");
        }
    }

    @Test
    void authFailureKeysLiveForTheirWindowOrLockCountedFromTheCallersNow() {
        store.countAuthFailure(Map.of("ip:10.9.0.1", 5), 5 * MIN, 15 * MIN, T0);
        store.countAuthFailure(Map.of("key:locked", 1), 5 * MIN, 15 * MIN, T0);
        RedisClient client = RedisClient.create(TestRedis.URL);
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            assertThat(c.sync().pttl(prefix + "{hub}:auth:ip:10.9.0.1")).isBetween(5 * MIN - 60_000, 5 * MIN);
            assertThat(c.sync().pttl(prefix + "{hub}:auth:key:locked")).isBetween(15 * MIN - 60_000, 15 * MIN);
        } finally {
            client.shutdown();
        }
    }

    @Test
    void lockoutFailsOpenWhenRedisIsUnreachable() {
        try (RedisStateStore down = new RedisStateStore("redis://127.0.0.1:1", prefix, Duration.ofMillis(200), Json.newMapper())) {
            for (int i = 0; i < 3; i++) {
                assertThat(down.countAuthFailure(Map.of("key:k", 1), 5 * MIN, 15 * MIN, T0)).isEmpty();
            }
            assertThat(down.authLocks(List.of("key:k"), T0)).isEmpty();
            assertThat(down.failOpens()).isEqualTo(4);
        }
    }

    @Test
    void calendarCountersLiveUntilTheirWindowEndsPlusSlackCountedFromTheCallersNowNotRedisClock() {
        Limits l = new Limits(null, null, null, new BigDecimal("5"), null, null, new BigDecimal("50"), new BigDecimal("100"),
                new BigDecimal("500"), null);
        spend(T0, l, "1", null);
        List<Window> ws = calendar.windows(user, l, T0);
        RedisClient client = RedisClient.create(TestRedis.URL);
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            for (LimitKind kind : List.of(LimitKind.USD_DAILY, LimitKind.USD_WEEKLY, LimitKind.USD_MONTHLY)) {
                Window w = window(ws, kind);
                long lifetime = w.expireAtMs() - T0;
                assertThat(c.sync().pttl(prefix + "{hub}:" + w.key())).as(kind + " counter's time to live")
                        .isBetween(lifetime - 60_000, lifetime);
            }
            // the total never ends, so its counter never expires
            assertThat(c.sync().pttl(prefix + "{hub}:" + window(ws, LimitKind.USD_TOTAL).key())).isEqualTo(-1);
        } finally {
            client.shutdown();
        }
    }
}
