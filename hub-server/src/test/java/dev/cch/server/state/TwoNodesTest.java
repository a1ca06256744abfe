package dev.cch.server.state;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.server.testing.Http;
import dev.cch.server.testing.TestDatabase;
import dev.cch.server.testing.TestHub;
import dev.cch.server.testing.TestRedis;
import dev.cch.testkit.Behaviour;
import dev.cch.testkit.FakeUpstream;
import dev.cch.testkit.Reply;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two hub nodes sharing one Redis and one PostgreSQL: limits are exact across them, spend totals agree, a breaker
 * opened by one is open on the other, a session bound on one is honoured by the other, and a key guessed on one is
 * locked out on the other.
 */
class TwoNodesTest {
    static TestDatabase db;
    static TestHub a;
    static TestHub b;
    static final List<FakeUpstream> upstreams = new ArrayList<>();

    @BeforeAll
    static void start() {
        db = TestDatabase.create();
        Map<String, String> shared = Map.of("hub.redis.url", TestRedis.URL, "hub.redis.prefix", TestRedis.uniquePrefix(),
                "hub.failover.delay.ms", "0", "hub.auth.lockout.failures", "3");
        a = TestHub.startOn(db, shared);
        b = TestHub.startOn(db, shared);
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
        db.close();
        upstreams.forEach(FakeUpstream::close);
    }

    static FakeUpstream upstream(String name) {
        FakeUpstream u = FakeUpstream.start(name);
        upstreams.add(u);
        return u;
    }

    static long provider(String name, String group, FakeUpstream u, Map<String, Object> extra) {
        return a.createProvider(name, "claude", u.baseUrl(), p -> {
            p.put("groupTags", List.of(group));
            p.putAll(extra);
            return p;
        });
    }

    /** Waits until node B has heard (through Redis) about a provider created on node A. */
    static void awaitOnB(long providerId) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> b.admin("GET", "/api/v1/breakers", null).json().path("items").findValuesAsText("providerId")
                        .contains(String.valueOf(providerId)));
    }

    static String body(String session) {
        return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":10,\"metadata\":{\"user_id\":\"user_1_account__session_"
                + UUID.nameUUIDFromBytes(session.getBytes()) + "\"},\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},"
                + "{\"role\":\"assistant\",\"content\":\"hello\"},{\"role\":\"user\",\"content\":\"more\"}]}";
    }

    @Test
    void anRpmLimitOfNAdmitsExactlyNAcrossBothNodes() throws Exception {
        provider("rpm-up", "rpm", upstream("rpm-up"), Map.of());
        long user = a.createUser(Map.of("name", "rpm-both", "providerGroup", "rpm", "limits", Map.of("rpm", 10)));
        String key = a.createKey(Map.of("userId", user, "name", "k"));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Http node = (i % 2 == 0 ? a : b).proxy();
            String session = "rpm-" + i;
            results.add(pool.submit((Callable<Integer>) () -> {
                go.await();
                return node.post("/v1/messages", body(session), "x-api-key", key).status();
            }));
        }
        go.countDown();
        int ok = 0;
        int limited = 0;
        for (Future<Integer> f : results) {
            int s = f.get();
            ok += s == 200 ? 1 : 0;
            limited += s == 429 ? 1 : 0;
        }
        pool.shutdown();
        assertThat(ok).isEqualTo(10);
        assertThat(limited).isEqualTo(20);
    }

    @Test
    void aKeyOrUserDisabledOnOneNodeIsRefusedByTheOtherAtOnce() {
        provider("off-up", "off", upstream("off-up"), Map.of());
        long user = a.createUser(Map.of("name", "switch-off", "providerGroup", "off"));
        JsonNode created = TestHub.expect(a.admin("POST", "/api/v1/keys", Map.of("userId", user, "name", "k")), 201);
        String key = created.path("secret").asText();
        long keyId = created.path("key").path("id").asLong();
        // node B has the key cached
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> b.proxy().post("/v1/messages", body("off-1"), "x-api-key", key).status() == 200);

        TestHub.expect(a.admin("PUT", "/api/v1/keys/" + keyId, Map.of("userId", user, "name", "k", "enabled", false)), 200);
        // the change reaches B through Redis, long before B's 5-second key cache would expire
        Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(10))
                .until(() -> b.proxy().post("/v1/messages", body("off-2"), "x-api-key", key).status() == 401);
        assertThat(b.proxy().post("/v1/messages", body("off-3"), "x-api-key", key).json().path("error").path("message")
                .asText()).contains("disabled");

        TestHub.expect(a.admin("PUT", "/api/v1/keys/" + keyId, Map.of("userId", user, "name", "k", "enabled", true)), 200);
        Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(10))
                .until(() -> b.proxy().post("/v1/messages", body("off-4"), "x-api-key", key).status() == 200);
        TestHub.expect(a.admin("PUT", "/api/v1/users/" + user, Map.of("name", "switch-off", "providerGroup", "off",
                "enabled", false)), 200);
        Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(10))
                .until(() -> b.proxy().post("/v1/messages", body("off-5"), "x-api-key", key).status() == 401);
    }

    @Test
    void spendTotalsAreTheSameSeenFromEitherNode() {
        FakeUpstream u = upstream("spend-up");
        provider("spend-up", "spend", u, Map.of());
        long user = a.createUser(Map.of("name", "spend-both", "providerGroup", "spend"));
        String key = a.createKey(Map.of("userId", user, "name", "k"));
        for (int i = 0; i < 6; i++) {
            u.enqueue(Behaviour.reply(new Reply(List.of(new Reply.Text("x")), "end_turn", 1000, 100, 0, 0)));
            assertThat((i % 2 == 0 ? a : b).proxy().post("/v1/messages", body("spend-" + i), "x-api-key", key).status()).isEqualTo(200);
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> a.db().number("SELECT count(*) FROM request_log WHERE user_id = " + user) == 6);
        JsonNode fromA = TestHub.expect(a.admin("GET", "/api/v1/users/" + user + "/usage", null), 200).path("windows");
        JsonNode fromB = TestHub.expect(b.admin("GET", "/api/v1/users/" + user + "/usage", null), 200).path("windows");
        assertThat(fromA).isEqualTo(fromB);
        // 6 x (1000 x $3 + 100 x $15) per million = $0.027
        assertThat(fromA.get(1).path("used").decimalValue()).isEqualByComparingTo("0.027");
        assertThat(a.db().number("SELECT round(sum(cost_usd) * 1000000) FROM request_log WHERE user_id = " + user)).isEqualTo(27000);
    }

    @Test
    void aBreakerOpenedByOneNodeIsOpenOnTheOther() {
        FakeUpstream failing = upstream("brk-fail").defaultBehaviour(Behaviour.status(503));
        FakeUpstream backup = upstream("brk-backup");
        long failingId = provider("brk-fail", "brk", failing, Map.of("priority", 0, "breaker", Map.of("failureThreshold", 2)));
        provider("brk-backup", "brk", backup, Map.of("priority", 1));
        String key = a.createKey(Map.of("userId", a.createUser(Map.of("name", "brk-both", "providerGroup", "brk")), "name", "k"));
        awaitOnB(failingId);
        long served = failing.served();
        for (int i = 0; i < 2; i++) {
            assertThat(a.proxy().post("/v1/messages", body("brk-a-" + i), "x-api-key", key).status()).isEqualTo(200);
        }
        assertThat(failing.served()).isEqualTo(served + 2);
        JsonNode onB = TestHub.expect(b.admin("GET", "/api/v1/breakers", null), 200).path("items");
        for (JsonNode n : onB) {
            if (n.path("providerId").asLong() == failingId) {
                assertThat(n.path("state").asText()).isEqualTo("open");
            }
        }
        for (int i = 0; i < 3; i++) {
            assertThat(b.proxy().post("/v1/messages", body("brk-b-" + i), "x-api-key", key).status()).isEqualTo(200);
        }
        assertThat(failing.served()).as("node B keeps away from the provider node A saw fail").isEqualTo(served + 2);
    }

    @Test
    void aSessionBoundOnOneNodeIsHonouredByTheOther() {
        FakeUpstream p1 = upstream("bind-1");
        FakeUpstream p2 = upstream("bind-2");
        provider("bind-1", "bind", p1, Map.of("weight", 50));
        long second = provider("bind-2", "bind", p2, Map.of("weight", 50));
        String key = a.createKey(Map.of("userId", a.createUser(Map.of("name", "bind-both", "providerGroup", "bind")), "name", "k"));
        awaitOnB(second);
        String first = a.proxy().post("/v1/messages", body("shared-session"), "x-api-key", key).json()
                .path("content").get(0).path("text").asText();
        for (int i = 0; i < 8; i++) {
            String text = b.proxy().post("/v1/messages", body("shared-session"), "x-api-key", key).json()
                    .path("content").get(0).path("text").asText();
            assertThat(text).as("request " + i + " on node B").isEqualTo(first);
        }
    }

    @Test
    void aKeyGuessedOnOneNodeIsLockedOutOnTheOther() {
        String wrong = "cch-guessed-on-a-0123456789abcdef";
        for (int i = 0; i < 3; i++) {
            assertThat(a.proxy().get("/v1/models", "x-api-key", wrong).status()).isEqualTo(401);
        }
        Http.Answer onB = b.proxy().post("/v1/messages", body("guess"), "x-api-key", wrong);
        assertThat(onB.status()).isEqualTo(429);
        assertThat(Long.parseLong(onB.header("retry-after"))).isBetween(1L, 900L);
        assertThat(b.proxy().get("/api/v1/me", "x-api-key", wrong).status()).isEqualTo(429);
    }
}
