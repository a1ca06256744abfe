package dev.cch.server.auth;

import dev.cch.server.state.LocalStateStore;
import dev.cch.server.testing.Http;
import dev.cch.server.testing.MutableClock;
import dev.cch.server.testing.TestHub;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LockoutTest {
    static final Map<String, Object> BODY = Map.of("model", "claude-sonnet-4-5", "max_tokens", 8,
            "messages", List.of(Map.of("role", "user", "content", "hi")));
    final MutableClock clock = MutableClock.atNow();
    final Lockout lockout = new Lockout(new LocalStateStore(), 3, 5, Duration.ofMinutes(5), Duration.ofMinutes(15), clock);

    @Test
    void theSameWrongKeyIsLockedAfterItsThresholdAndFreedAfterTheDuration() {
        for (int i = 0; i < 2; i++) {
            lockout.failed("10.0.0.1", "k1");
        }
        assertThat(lockout.locks("10.0.0.1", "k1").credentialLocked()).isFalse();
        assertThat(lockout.failed("10.0.0.1", "k1").credentialSeconds()).isEqualTo(900);
        assertThat(lockout.locks("10.0.0.9", "k1").credentialSeconds()).isEqualTo(900); // the key, from any address
        assertThat(lockout.locks("10.0.0.1", "k2")).isEqualTo(new Lockout.Locks(0, 0));  // the address is not locked yet
        clock.advance(Duration.ofMinutes(14));
        assertThat(lockout.locks("10.0.0.9", "k1").credentialSeconds()).isEqualTo(60);
        clock.advance(Duration.ofMinutes(1));
        assertThat(lockout.locks("10.0.0.9", "k1").credentialLocked()).isFalse();
    }

    @Test
    void manyDifferentWrongKeysLockTheAddressAndOldFailuresAgeOut() {
        lockout.failed("10.0.0.2", "a");
        lockout.failed("10.0.0.2", "b");
        clock.advance(Duration.ofMinutes(6)); // those two left the window
        for (String k : List.of("c", "d", "e", "f")) {
            lockout.failed("10.0.0.2", k);
        }
        assertThat(lockout.locks("10.0.0.2", null).addressLocked()).isFalse();
        lockout.failed("10.0.0.2", "g");
        assertThat(lockout.locks("10.0.0.2", "valid")).isEqualTo(new Lockout.Locks(0, 900));
        assertThat(lockout.locks("10.0.0.3", "valid")).isEqualTo(new Lockout.Locks(0, 0));
    }

    @Test
    void offWhenTheThresholdIsZero() {
        Lockout off = new Lockout(new LocalStateStore(), 0, 0, Duration.ofMinutes(5), Duration.ofMinutes(15), clock);
        for (int i = 0; i < 100; i++) {
            off.failed("10.0.0.5", "k");
        }
        assertThat(off.locks("10.0.0.5", "k")).isEqualTo(new Lockout.Locks(0, 0));
    }

    @Test
    void theHubAnswers429WithRetryAfterInTheCallersProtocolAndOnTheAdminApi() {
        try (TestHub hub = TestHub.start(Map.of("hub.auth.lockout.failures", "3"))) {
            for (int i = 0; i < 3; i++) {
                assertThat(hub.proxy().post("/v1/messages", BODY, "x-api-key", "cch-wrong-key-0123456789abcdef").status())
                        .isEqualTo(401);
            }
            Http.Answer locked = hub.proxy().post("/v1/messages", BODY, "x-api-key", "cch-wrong-key-0123456789abcdef");
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

    @Test
    void aLockedAddressKeepsItsValidKeysAndTheAdminTokenOnEveryEndpointWhileNewGuessesGet429() {
        try (TestHub hub = TestHub.start(Map.of("hub.auth.lockout.address.failures", "3"))) {
            String good = hub.userWithKey("colleague");
            String adminKey = hub.createKey(hub.createUser(Map.of("name", "boss", "role", "admin")));
            for (int i = 0; i < 3; i++) {
                assertThat(hub.proxy().post("/v1/messages", BODY, "x-api-key", "cch-guess-" + i + "-0123456789abcdef").status())
                        .isEqualTo(401);
            }
            Http.Answer guess = hub.proxy().post("/v1/messages", BODY, "x-api-key", "cch-guess-x-0123456789abcdef");
            assertThat(guess.status()).as("a new guess from the locked address").isEqualTo(429);
            assertThat(guess.header("retry-after")).isNotNull();
            assertThat(hub.proxy().get("/v1/models", "x-api-key", "cch-guess-y-0123456789abcdef").status()).isEqualTo(429);

            // 200 from the proxy would need a provider: 503 "no provider" shows the key was accepted
            assertThat(hub.proxy().post("/v1/messages", BODY, "x-api-key", good).status()).isNotIn(401, 429);
            assertThat(hub.proxy().get("/v1/models", "x-api-key", good).status()).isEqualTo(200);
            assertThat(hub.proxy().get("/v1beta/models", "x-goog-api-key", good).status()).isEqualTo(200);
            assertThat(hub.proxy().get("/api/v1/me", "x-api-key", good).status()).isEqualTo(200);
            assertThat(hub.proxy().get("/api/v1/users", "authorization", "Bearer " + adminKey).status()).isEqualTo(200);
            assertThat(hub.admin("GET", "/api/v1/users", null).status()).isEqualTo(200);
            // a key created after the lock (never seen, so looked up) is accepted too
            String later = hub.userWithKey("newcomer");
            assertThat(hub.proxy().get("/api/v1/me", "x-api-key", later).status()).isEqualTo(200);
        }
    }

    @Test
    void theModelsListCountsWrongKeysAndHonoursTheLockInTheCallersProtocol() {
        try (TestHub hub = TestHub.start(Map.of("hub.auth.lockout.failures", "3"))) {
            String wrong = "cch-models-guess-0123456789abcdef";
            for (int i = 0; i < 3; i++) {
                assertThat(hub.proxy().get("/v1/models", "x-api-key", wrong).status()).isEqualTo(401);
            }
            Http.Answer locked = hub.proxy().get("/v1/models", "x-api-key", wrong, "anthropic-version", "2023-06-01");
            assertThat(locked.status()).isEqualTo(429);
            assertThat(locked.header("retry-after")).isNotNull();
            assertThat(locked.json().path("error").path("type").asText()).isEqualTo("rate_limit_error");
            Http.Answer gemini = hub.proxy().get("/v1beta/models", "x-goog-api-key", wrong);
            assertThat(gemini.status()).isEqualTo(429);
            assertThat(gemini.json().path("error").path("status").asText()).isEqualTo("RESOURCE_EXHAUSTED");
            assertThat(hub.proxy().post("/v1/messages", BODY, "x-api-key", wrong).status()).isEqualTo(429);
        }
    }

    @Test
    void wrongKeysOnSelfServiceTheModelsListAndTheAdminApiCountTowardOneLockHonouredEverywhere() {
        try (TestHub hub = TestHub.start(Map.of("hub.auth.lockout.failures", "3"))) {
            String wrong = "cch-admin-guess-0123456789abcdef";
            assertThat(hub.proxy().get("/api/v1/me", "x-api-key", wrong).status()).isEqualTo(401);
            assertThat(hub.proxy().get("/v1/models", "x-api-key", wrong).status()).isEqualTo(401);
            assertThat(hub.proxy().get("/api/v1/users", "authorization", "Bearer " + wrong).status()).isEqualTo(401);
            assertThat(hub.proxy().post("/v1/messages", BODY, "x-api-key", wrong).status()).isEqualTo(429);
            assertThat(hub.proxy().get("/api/v1/me", "x-api-key", wrong).status()).isEqualTo(429);
        }
    }

    @Test
    void behindATrustedProxyEachForwardedClientIsLockedOnItsOwn() {
        try (TestHub hub = TestHub.start(Map.of("hub.auth.lockout.address.failures", "3",
                "hub.auth.trusted-proxies", "127.0.0.1/32, ::1"))) {
            for (int i = 0; i < 3; i++) {
                hub.proxy().post("/v1/messages", BODY, "x-api-key", "cch-guess-" + i + "-0123456789abcdef",
                        "x-forwarded-for", "198.51.100.1, 203.0.113.7");
            }
            assertThat(hub.proxy().post("/v1/messages", BODY, "x-api-key", "cch-guess-x-0123456789abcdef",
                    "x-forwarded-for", "203.0.113.7").status()).as("the guesser").isEqualTo(429);
            assertThat(hub.proxy().post("/v1/messages", BODY, "x-api-key", "cch-typo-0123456789abcdef",
                    "x-forwarded-for", "203.0.113.8").status()).as("someone else behind the same proxy").isEqualTo(401);
            assertThat(hub.proxy().get("/v1/models", "x-api-key", "cch-guess-y-0123456789abcdef",
                    "x-forwarded-for", "203.0.113.7").status()).isEqualTo(429);
            // the request log names the client the lock was judged by, not the proxy
            hub.awaitLogRows(5);
            assertThat(hub.db().number("SELECT count(*) FROM request_log WHERE client_ip = '203.0.113.7'")).isEqualTo(4);
            assertThat(hub.db().number("SELECT count(*) FROM request_log WHERE client_ip = '127.0.0.1'")).isZero();
        }
    }

    @Test
    void withoutTrustedProxiesAForgedForwardedForDoesNotDodgeTheAddressLock() {
        try (TestHub hub = TestHub.start(Map.of("hub.auth.lockout.address.failures", "3"))) {
            for (int i = 0; i < 3; i++) {
                hub.proxy().post("/v1/messages", BODY, "x-api-key", "cch-guess-" + i + "-0123456789abcdef",
                        "x-forwarded-for", "198.51.100." + i);
            }
            assertThat(hub.proxy().post("/v1/messages", BODY, "x-api-key", "cch-guess-x-0123456789abcdef",
                    "x-forwarded-for", "198.51.100.99").status()).isEqualTo(429);
        }
    }
}
