package dev.cch.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.server.testing.TestHub;
import dev.cch.server.testing.TestRedis;
import dev.cch.testkit.Behaviour;
import dev.cch.testkit.FakeUpstream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Active sessions and ending one, on Redis: the session's binding and its place in the user's concurrent-session
 * limit go, so a user at the limit can start a new session at once.
 */
class SessionsApiTest {
    static TestHub hub;
    static FakeUpstream upstream;
    static String key;
    static long userId;

    @BeforeAll
    static void start() {
        upstream = FakeUpstream.start("sess");
        hub = TestHub.start(Map.of("hub.redis.url", TestRedis.URL, "hub.redis.prefix", TestRedis.uniquePrefix()));
        hub.createProvider("sess-claude", "claude", upstream.baseUrl());
        userId = hub.createUser(Map.of("name", "dave", "limits", Map.of("concurrentSessions", 1)));
        key = hub.createKey(userId);
    }

    @AfterAll
    static void stop() {
        hub.close();
        upstream.close();
    }

    static int send(String session) {
        upstream.enqueue(Behaviour.ok());
        return hub.proxy().post("/v1/messages", Map.of("model", "claude-sonnet-4-5", "max_tokens", 16,
                        "messages", List.of(Map.of("role", "user", "content", "hi"))),
                "x-api-key", key, "anthropic-version", "2023-06-01", "x-claude-code-session-id", session).status();
    }

    @Test
    void activeSessionsShowWhatTheyUsedAndEndingOneFreesItsPlace() {
        assertThat(send("sess-one")).isEqualTo(200);
        assertThat(send("sess-one")).isEqualTo(200);
        assertThat(send("sess-two")).isEqualTo(429); // one session at a time
        hub.awaitLogRows(3);

        JsonNode items = TestHub.expect(hub.admin("GET", "/api/v1/sessions?userId=" + userId, null), 200).path("items");
        assertThat(items).hasSize(1);
        JsonNode s = items.get(0);
        assertThat(s.path("sessionId").asText()).isEqualTo("sess-one");
        assertThat(s.path("userName").asText()).isEqualTo("dave");
        assertThat(s.path("providerName").asText()).isEqualTo("sess-claude");
        assertThat(s.path("requests").asLong()).isEqualTo(2);
        assertThat(s.path("tokens").asLong()).isPositive();
        assertThat(s.path("costUsd").decimalValue()).isGreaterThan(BigDecimal.ZERO);
        long keyId = s.path("keyId").asLong();

        assertThat(hub.admin("DELETE", "/api/v1/sessions/" + keyId + "/sess-one", null).status()).isEqualTo(204);
        assertThat(TestHub.expect(hub.admin("GET", "/api/v1/sessions?userId=" + userId, null), 200).path("items")).isEmpty();
        assertThat(hub.db().number("SELECT count(*) FROM audit_log WHERE action = 'session.end'")).isEqualTo(1);

        // the user's only session slot is free again
        assertThat(send("sess-two")).isEqualTo(200);
        hub.awaitLogRows(4);
        JsonNode after = TestHub.expect(hub.admin("GET", "/api/v1/sessions?keyId=" + keyId, null), 200).path("items");
        assertThat(after).extracting(n -> n.path("sessionId").asText()).containsExactly("sess-two");
    }

    @Test
    void endingAnUnknownSessionIs404() {
        assertThat(hub.admin("DELETE", "/api/v1/sessions/999999/nope", null).status()).isEqualTo(404);
        assertThat(hub.admin("DELETE", "/api/v1/sessions/abc/nope", null).status()).isEqualTo(404);
        assertThat(hub.admin("GET", "/api/v1/sessions?userId=x", null).status()).isEqualTo(400);
    }
}
