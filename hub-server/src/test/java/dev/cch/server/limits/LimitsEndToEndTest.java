package dev.cch.server.limits;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.server.testing.Http;
import dev.cch.server.testing.TestHub;
import dev.cch.server.testing.TestRedis;
import dev.cch.testkit.Behaviour;
import dev.cch.testkit.FakeUpstream;
import dev.cch.testkit.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Limits through the real HTTP stack with the Redis state store: answers, headers, logging, gauges, resets. */
class LimitsEndToEndTest {
    static TestHub hub;
    static FakeUpstream upstream;

    @BeforeAll
    static void start() {
        upstream = FakeUpstream.start("limited");
        hub = TestHub.start(Map.of("hub.redis.url", TestRedis.URL, "hub.redis.prefix", TestRedis.uniquePrefix(),
                "hub.failover.delay.ms", "0"));
    }

    @AfterAll
    static void stop() {
        hub.close();
        upstream.close();
    }

    static String group(String name, Map<String, Object> providerExtra) {
        hub.createProvider(name, "claude", upstream.baseUrl(), p -> {
            p.put("groupTags", List.of(name));
            p.putAll(providerExtra);
            return p;
        });
        return name;
    }

    static String body(String session) {
        return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":10,\"metadata\":{\"user_id\":\"user_1_account__session_"
                + UUID.nameUUIDFromBytes(session.getBytes()) + "\"},\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    }

    @Test
    void rpmLimitAnswers429WithHeadersInTheCallersProtocolAndLogsTheRejection() {
        long user = hub.createUser(Map.of("name", "rpm-user", "providerGroup", group("rpm", Map.of()), "limits", Map.of("rpm", 2)));
        String key = hub.createKey(user);
        for (int i = 0; i < 2; i++) {
            assertThat(hub.proxy().post("/v1/messages", body("rpm"), "x-api-key", key).status()).isEqualTo(200);
        }
        Http.Answer a = hub.proxy().post("/v1/messages", body("rpm"), "x-api-key", key);
        assertThat(a.status()).isEqualTo(429);
        assertThat(a.json().path("error").path("type").asText()).isEqualTo("rate_limit_error");
        assertThat(a.json().path("error").path("message").asText()).contains("requests-per-minute limit of 2 for user rpm-user");
        assertThat(a.json().path("error").path("limit_type").asText()).isEqualTo("rpm");
        assertThat(Integer.parseInt(a.header("retry-after"))).isBetween(1, 60);
        assertThat(a.header("x-ratelimit-limit")).isEqualTo("2");
        assertThat(a.header("x-ratelimit-remaining")).isEqualTo("0");
        assertThat(Long.parseLong(a.header("x-ratelimit-reset"))).isGreaterThan(System.currentTimeMillis() / 1000);

        Http.Answer openai = hub.proxy().post("/v1/chat/completions",
                "{\"model\":\"claude-sonnet-4-5\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", "authorization", "Bearer " + key);
        assertThat(openai.status()).isEqualTo(429);
        assertThat(openai.json().path("error").path("code").asText()).isEqualTo("rate_limit_exceeded");

        Map<String, Object> row = hub.logRow(a.header("x-cch-request-id"));
        assertThat(row.get("blocked_by")).isEqualTo("rate_limit");
        assertThat(row.get("status_code")).isEqualTo(429);
        assertThat((String) row.get("error_message")).contains("requests-per-minute");
    }

    @Test
    void spendLimitAnswers402AndTheUsageApiShowsTheWindows() {
        long user = hub.createUser(Map.of("name", "spender", "providerGroup", group("spend", Map.of()),
                "limits", Map.of("usdDaily", 0.01)));
        String key = hub.createKey(user);
        upstream.enqueue(Behaviour.reply(new Reply(List.of(new Reply.Text("pricey")), "end_turn", 5000, 0, 0, 0)));
        assertThat(hub.proxy().post("/v1/messages", body("spend"), "x-api-key", key).status()).isEqualTo(200);
        Http.Answer refused = hub.proxy().post("/v1/messages", body("spend"), "x-api-key", key);
        assertThat(refused.status()).isEqualTo(402);
        assertThat(refused.json().path("error").path("type").asText()).isEqualTo("billing_error");
        assertThat(refused.json().path("error").path("message").asText()).contains("daily spend limit of $0.01").contains("resets at");
        assertThat(refused.header("retry-after")).isNotNull();

        JsonNode usage = TestHub.expect(hub.admin("GET", "/api/v1/users/" + user + "/usage", null), 200);
        JsonNode daily = find(usage.path("windows"), "usd_daily");
        assertThat(daily.path("used").decimalValue()).isEqualByComparingTo("0.015");
        assertThat(daily.path("limit").decimalValue()).isEqualByComparingTo("0.01");
        assertThat(daily.path("resetsAt").asText()).isNotEmpty();
        assertThat(usage.path("rpm").path("used").asLong()).isEqualTo(1);

        // a reset restarts the windows (the request log keeps the history)
        assertThat(hub.admin("POST", "/api/v1/users/" + user + "/usage/reset", Map.of()).status()).isEqualTo(204);
        assertThat(find(TestHub.expect(hub.admin("GET", "/api/v1/users/" + user + "/usage", null), 200).path("windows"), "usd_daily")
                .path("used").decimalValue()).isZero();
        assertThat(hub.proxy().post("/v1/messages", body("spend"), "x-api-key", key).status()).isEqualTo(200);
        assertThat(hub.db().number("SELECT count(*) FROM request_log WHERE user_id = " + user)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aTotalSpendLimitAnswers402InEveryProtocolNot500() {
        long user = hub.createUser(Map.of("name", "lifetime", "providerGroup", group("total", Map.of()),
                "limits", Map.of("usdTotal", 0.01)));
        String key = hub.createKey(user);
        upstream.enqueue(Behaviour.reply(new Reply(List.of(new Reply.Text("pricey")), "end_turn", 5000, 0, 0, 0)));
        assertThat(hub.proxy().post("/v1/messages", body("total"), "x-api-key", key).status()).isEqualTo(200);
        Http.Answer anthropic = hub.proxy().post("/v1/messages", body("total"), "x-api-key", key);
        assertThat(anthropic.status()).isEqualTo(402);
        assertThat(anthropic.json().path("error").path("message").asText()).contains("total spend limit").contains("does not reset");
        Http.Answer chat = hub.proxy().post("/v1/chat/completions", Map.of("model", "claude-sonnet-4-5",
                "messages", List.of(Map.of("role", "user", "content", "hi"))), "authorization", "Bearer " + key);
        assertThat(chat.status()).isEqualTo(402);
        assertThat(chat.json().path("error").path("message").asText()).contains("total spend limit");
        Http.Answer responses = hub.proxy().post("/v1/responses", Map.of("model", "claude-sonnet-4-5", "input", "hi"),
                "authorization", "Bearer " + key);
        assertThat(responses.status()).isEqualTo(402);
        Http.Answer gemini = hub.proxy().post("/v1beta/models/claude-sonnet-4-5:generateContent",
                Map.of("contents", List.of(Map.of("role", "user", "parts", List.of(Map.of("text", "hi"))))), "x-goog-api-key", key);
        assertThat(gemini.status()).isEqualTo(402);
        assertThat(gemini.json().path("error").path("code").asInt()).isEqualTo(402);
    }

    @Test
    void aKeyWithoutItsOwnSessionLimitInheritsItsUsers() {
        long user = hub.createUser(Map.of("name", "sessions-user", "providerGroup", group("sessions", Map.of()),
                "limits", Map.of("concurrentSessions", 1)));
        String key = hub.createKey(user);
        assertThat(hub.proxy().post("/v1/messages", body("s-one"), "x-api-key", key).status()).isEqualTo(200);
        Http.Answer second = hub.proxy().post("/v1/messages", body("s-two"), "x-api-key", key);
        assertThat(second.status()).isEqualTo(429);
        assertThat(second.json().path("error").path("limit_type").asText()).isEqualTo("concurrent_sessions");
        assertThat(hub.proxy().post("/v1/messages", body("s-one"), "x-api-key", key).status()).isEqualTo(200);
    }

    @Test
    void aProviderAtItsOwnSpendLimitIsSkippedNotFailed() {
        String g = "provider-cap";
        hub.createProvider("capped", "claude", upstream.baseUrl(), p -> {
            p.put("groupTags", List.of(g));
            p.put("priority", 0);
            p.put("limits", Map.of("usdDaily", 0.001));
            return p;
        });
        FakeUpstream spare = FakeUpstream.start("spare");
        try {
            hub.createProvider("spare", "claude", spare.baseUrl(), p -> {
                p.put("groupTags", List.of(g));
                p.put("priority", 1);
                return p;
            });
            String key = hub.createKey(hub.createUser(Map.of("name", "cap-user", "providerGroup", g)));
            upstream.enqueue(Behaviour.reply(new Reply(List.of(new Reply.Text("x")), "end_turn", 5000, 0, 0, 0)));
            assertThat(hub.proxy().post("/v1/messages", body("cap"), "x-api-key", key).json().path("content").get(0)
                    .path("text").asText()).isEqualTo("x");
            Http.Answer next = hub.proxy().post("/v1/messages", body("cap-2"), "x-api-key", key);
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.json().path("content").get(0).path("text").asText()).isEqualTo("Hello from spare.");
            assertThat(hub.logRow(next.header("x-cch-request-id")).get("decision_chain").toString())
                    .contains("spend limit usd_daily reached");
        } finally {
            spare.close();
        }
    }

    private static JsonNode find(JsonNode windows, String kind) {
        for (JsonNode w : windows) {
            if (w.path("kind").asText().equals(kind)) {
                return w;
            }
        }
        throw new AssertionError(kind + " not in " + windows);
    }

    static BigDecimal usd(String s) {
        return new BigDecimal(s);
    }
}
