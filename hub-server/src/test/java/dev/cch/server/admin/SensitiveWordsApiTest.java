package dev.cch.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.server.testing.Http;
import dev.cch.server.testing.TestDatabase;
import dev.cch.server.testing.TestHub;
import dev.cch.server.testing.TestRedis;
import dev.cch.testkit.Behaviour;
import dev.cch.testkit.FakeUpstream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sensitive words on two nodes sharing PostgreSQL and Redis: a word created on one node blocks on the other at
 * once; blocked requests answer 400 in the caller's protocol, never reach a provider, and are logged with the rule.
 */
class SensitiveWordsApiTest {
    static TestDatabase db;
    static TestHub a;
    static TestHub b;
    static FakeUpstream upstream;
    static String key;

    @BeforeAll
    static void start() {
        db = TestDatabase.create();
        Map<String, String> shared = Map.of("hub.redis.url", TestRedis.URL, "hub.redis.prefix", TestRedis.uniquePrefix());
        a = TestHub.startOn(db, shared);
        b = TestHub.startOn(db, shared);
        upstream = FakeUpstream.start("words");
        a.createProvider("words-openai", "openai-compatible", upstream.baseUrl());
        key = a.userWithKey("frank");
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
        db.close();
        upstream.close();
    }

    static Http.Answer chat(TestHub hub, String text) {
        return hub.proxy().post("/v1/chat/completions", Map.of("model", "gpt-5", "messages",
                List.of(Map.of("role", "user", "content", text))), "authorization", "Bearer " + key);
    }

    @Test
    void aWordCreatedOnOneNodeBlocksOnTheOtherInTheCallersProtocol() {
        upstream.enqueue(Behaviour.ok());
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> chat(b, "warm up").status() == 200);

        JsonNode word = TestHub.expect(a.admin("POST", "/api/v1/sensitive-words",
                Map.of("word", "Project Falcon", "matchType", "contains", "description", "codename")), 201);
        long id = word.path("id").asLong();

        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> chat(b, "what is project falcon?").status() == 400);
        int before = upstream.requests().size(); // (until node B heard of the word, requests went through)
        Http.Answer blocked = chat(b, "tell me about PROJECT FALCON");
        assertThat(blocked.status()).isEqualTo(400);
        assertThat(blocked.json().path("error").path("message").asText()).contains("content rule #" + id)
                .doesNotContainIgnoringCase("falcon");
        assertThat(blocked.json().path("error").path("type").asText()).isEqualTo("invalid_request_error");

        Http.Answer anthropic = b.proxy().post("/v1/messages", Map.of("model", "claude-sonnet-4-5", "max_tokens", 8,
                "messages", List.of(Map.of("role", "user", "content", List.of(Map.of("type", "text", "text", "project falcon"))))),
                "x-api-key", key, "anthropic-version", "2023-06-01");
        assertThat(anthropic.status()).isEqualTo(400);
        assertThat(anthropic.json().path("type").asText()).isEqualTo("error");

        Http.Answer gemini = b.proxy().post("/v1beta/models/gemini-2.5-pro:generateContent",
                Map.of("contents", List.of(Map.of("role", "user", "parts", List.of(Map.of("text", "project falcon"))))),
                "x-goog-api-key", key);
        assertThat(gemini.status()).isEqualTo(400);
        assertThat(gemini.json().path("error").path("status").asText()).isEqualTo("INVALID_ARGUMENT");

        assertThat(upstream.requests()).hasSize(before); // nothing blocked reached the provider
        String requestId = blocked.header("x-cch-request-id");
        Map<String, Object> row = b.logRow(requestId);
        assertThat(row.get("blocked_by")).isEqualTo("sensitive_word");
        assertThat((String) row.get("error_message")).contains("#" + id).contains("Project Falcon");
        assertThat(row.get("status_code")).isEqualTo(400);

        // disabling it on node B lets traffic through on node A
        TestHub.expect(b.admin("PUT", "/api/v1/sensitive-words/" + id,
                Map.of("word", "Project Falcon", "matchType", "contains", "enabled", false)), 200);
        upstream.enqueue(Behaviour.ok());
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    upstream.enqueue(Behaviour.ok());
                    return chat(a, "project falcon").status() == 200;
                });
        assertThat(a.db().number("SELECT count(*) FROM audit_log WHERE action LIKE 'sensitive-word.%' AND target_id = '" + id + "'")).isEqualTo(2);
    }

    @Test
    void invalidWordsAreRefusedWithFieldErrors() {
        Http.Answer a1 = a.admin("POST", "/api/v1/sensitive-words", Map.of("word", "(a+)+$", "matchType", "regex"));
        assertThat(a1.status()).isEqualTo(400);
        assertThat(a1.json().path("errors").findValuesAsText("field")).contains("word");
        Http.Answer a2 = a.admin("POST", "/api/v1/sensitive-words", Map.of("word", "", "matchType", "prefix"));
        assertThat(a2.status()).isEqualTo(400);
        assertThat(a2.json().path("errors").findValuesAsText("field")).contains("word", "matchType");
        TestHub.expect(a.admin("POST", "/api/v1/sensitive-words", Map.of("word", "dup")), 201);
        assertThat(a.admin("POST", "/api/v1/sensitive-words", Map.of("word", "dup")).status()).isEqualTo(409);
    }
}
