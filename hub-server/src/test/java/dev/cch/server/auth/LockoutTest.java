package dev.cch.server.auth;

import dev.cch.server.testing.Http;
import dev.cch.server.testing.MutableClock;
import dev.cch.server.testing.TestHub;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LockoutTest {
    final MutableClock clock = MutableClock.atNow();
    final Lockout lockout = new Lockout(3, 5, Duration.ofMinutes(5), Duration.ofMinutes(15), clock);

    @Test
    void theSameWrongKeyIsLockedAfterItsThresholdAndFreedAfterTheDuration() {
        for (int i = 0; i < 2; i++) {
            lockout.failed("10.0.0.1", "k1");
        }
        assertThat(lockout.retryAfterSeconds("10.0.0.1", "k1")).isZero();
        lockout.failed("10.0.0.1", "k1");
        assertThat(lockout.retryAfterSeconds("10.0.0.9", "k1")).isEqualTo(900); // the key, from any address
        assertThat(lockout.retryAfterSeconds("10.0.0.1", "k2")).isZero();       // the address is not locked yet
        clock.advance(Duration.ofMinutes(14));
        assertThat(lockout.retryAfterSeconds("10.0.0.9", "k1")).isEqualTo(60);
        clock.advance(Duration.ofMinutes(1));
        assertThat(lockout.retryAfterSeconds("10.0.0.9", "k1")).isZero();
    }

    @Test
    void manyDifferentWrongKeysLockTheAddressAndOldFailuresAgeOut() {
        lockout.failed("10.0.0.2", "a");
        lockout.failed("10.0.0.2", "b");
        clock.advance(Duration.ofMinutes(6)); // those two left the window
        lockout.failed("10.0.0.2", "c");
        lockout.failed("10.0.0.2", "d");
        lockout.failed("10.0.0.2", "e");
        lockout.failed("10.0.0.2", "f");
        assertThat(lockout.retryAfterSeconds("10.0.0.2", null)).isZero();
        lockout.failed("10.0.0.2", "g");
        assertThat(lockout.retryAfterSeconds("10.0.0.2", "valid")).isEqualTo(900);
        assertThat(lockout.retryAfterSeconds("10.0.0.3", "valid")).isZero();
    }

    @Test
    void aSuccessClearsTheKeysCountButNotTheAddresss() {
        lockout.failed("10.0.0.4", "k");
        lockout.failed("10.0.0.4", "k");
        lockout.succeeded("k");
        lockout.failed("10.0.0.4", "k");
        assertThat(lockout.retryAfterSeconds("10.0.0.4", "k")).isZero();
    }

    @Test
    void offWhenTheThresholdIsZero() {
        Lockout off = new Lockout(0, 0, Duration.ofMinutes(5), Duration.ofMinutes(15), clock);
        for (int i = 0; i < 100; i++) {
            off.failed("10.0.0.5", "k");
        }
        assertThat(off.retryAfterSeconds("10.0.0.5", "k")).isZero();
    }

    @Test
    void theHubAnswers429WithRetryAfterInTheCallersProtocolAndOnTheAdminApi() {
        try (TestHub hub = TestHub.start(Map.of("hub.auth.lockout.failures", "3"))) {
            Map<String, Object> body = Map.of("model", "claude-sonnet-4-5", "max_tokens", 8,
                    "messages", List.of(Map.of("role", "user", "content", "hi")));
            for (int i = 0; i < 3; i++) {
                assertThat(hub.proxy().post("/v1/messages", body, "x-api-key", "cch-wrong-key-0123456789abcdef").status())
                        .isEqualTo(401);
            }
            Http.Answer locked = hub.proxy().post("/v1/messages", body, "x-api-key", "cch-wrong-key-0123456789abcdef");
            assertThat(locked.status()).isEqualTo(429);
            assertThat(Long.parseLong(locked.header("retry-after"))).isBetween(1L, 900L);
            assertThat(locked.json().path("error").path("type").asText()).isEqualTo("rate_limit_error");
            Map<String, Object> row = hub.logRow(locked.header("x-cch-request-id"));
            assertThat(row.get("blocked_by")).isEqualTo("auth_lockout");

            // a valid key from the same address still works: only the wrong key is locked
            String good = hub.userWithKey("fine");
            assertThat(hub.proxy().get("/api/v1/me", "x-api-key", good).status()).isEqualTo(200);

            for (int i = 0; i < 3; i++) {
                hub.proxy().get("/api/v1/users", "authorization", "Bearer not-the-admin-token-xyz");
            }
            Http.Answer admin = hub.proxy().get("/api/v1/users", "authorization", "Bearer not-the-admin-token-xyz");
            assertThat(admin.status()).isEqualTo(429);
            assertThat(admin.header("retry-after")).isNotNull();
            assertThat(TestHub.expect(hub.admin("GET", "/api/v1/users", null), 200)).isNotNull();
        }
    }
}
