package dev.cch.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.server.testing.Http;
import dev.cch.server.testing.TestHub;
import dev.cch.testkit.Behaviour;
import dev.cch.testkit.FakeUpstream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit trail of admin changes and logins, provider connection tests, and what a key may see of itself. */
class AuditAndSelfServiceTest {
    static TestHub hub;
    static FakeUpstream upstream;

    @BeforeAll
    static void start() {
        upstream = FakeUpstream.start("audit");
        hub = TestHub.start();
    }

    @AfterAll
    static void stop() {
        hub.close();
        upstream.close();
    }

    @Test
    void loginsAndChangesAreAuditedWithSecretsRedactedAndCanBeFiltered() {
        TestHub.expect(hub.admin("POST", "/api/v1/login", null), 200);
        Http.Answer bad = hub.proxy().post("/api/v1/login", null, "authorization", "Bearer wrong-token-123456");
        assertThat(bad.status()).isEqualTo(401);
        long providerId = hub.createProvider("audited", "claude", upstream.baseUrl());
        TestHub.expect(hub.admin("PUT", "/api/v1/providers/" + providerId, Map.of("name", "audited", "type", "claude",
                "baseUrl", upstream.baseUrl(), "secret", "sk-rotated-secret-0123456789", "weight", 7)), 200);

        JsonNode logins = TestHub.expect(hub.admin("GET", "/api/v1/audit?action=admin.login", null), 200).path("items");
        assertThat(logins).hasSize(2);
        assertThat(logins.get(0).path("success").asBoolean()).isFalse(); // newest first: the refused one
        assertThat(logins.get(0).path("error").asText()).isEqualTo("invalid credentials");
        assertThat(logins.get(0).path("actorIp").asText()).isEqualTo("127.0.0.1");
        assertThat(logins.get(1).path("actor").asText()).isEqualTo("admin-token");

        JsonNode changes = TestHub.expect(hub.admin("GET", "/api/v1/audit?action=provider.&targetType=provider", null), 200)
                .path("items");
        assertThat(changes.findValuesAsText("action")).startsWith("provider.update").contains("provider.create")
                .allMatch(a -> a.startsWith("provider."));
        JsonNode update = changes.get(0);
        assertThat(update.path("targetName").asText()).isEqualTo("audited");
        assertThat(update.path("before").path("weight").asInt()).isNotEqualTo(7);
        assertThat(update.path("after").path("weight").asInt()).isEqualTo(7);
        assertThat(update.toString()).doesNotContain("sk-rotated-secret").doesNotContain("sk-upstream-audited");

        JsonNode page = TestHub.expect(hub.admin("GET", "/api/v1/audit?limit=1", null), 200);
        String cursor = page.path("nextCursor").asText();
        JsonNode next = TestHub.expect(hub.admin("GET", "/api/v1/audit?limit=1&cursor=" + cursor, null), 200);
        assertThat(next.path("items").get(0).path("id").asLong()).isLessThan(page.path("items").get(0).path("id").asLong());
    }

    @Test
    void providerConnectionTestsGiveAVerdict() {
        long ok = hub.createProvider("testable", "claude", upstream.baseUrl());
        upstream.enqueue(Behaviour.ok());
        JsonNode good = TestHub.expect(hub.admin("POST", "/api/v1/providers/" + ok + "/test", null), 200);
        assertThat(good.path("verdict").asText()).isEqualTo("ok");
        assertThat(good.path("status").asInt()).isEqualTo(200);
        assertThat(good.path("model").asText()).isEqualTo("claude-haiku-4-5");
        assertThat(upstream.lastRequest().headers().get("x-api-key")).containsExactly("sk-upstream-testable-0123456789abcdef");

        upstream.enqueue(Behaviour.status(401));
        JsonNode refused = TestHub.expect(hub.admin("POST", "/api/v1/providers/" + ok + "/test",
                Map.of("model", "claude-opus-4-1")), 200);
        assertThat(refused.path("verdict").asText()).isEqualTo("auth");
        assertThat(refused.path("model").asText()).isEqualTo("claude-opus-4-1");

        long dead = hub.createProvider("dead", "openai-compatible", "http://127.0.0.1:1");
        JsonNode unreachable = TestHub.expect(hub.admin("POST", "/api/v1/providers/" + dead + "/test", null), 200);
        assertThat(unreachable.path("verdict").asText()).isEqualTo("unreachable");
        assertThat(hub.admin("POST", "/api/v1/providers/999999/test", null).status()).isEqualTo(404);
    }

    @Test
    void aKeySeesItsOwnQuotaUsageAndLogButNothingElse() {
        hub.createProvider("me-claude", "claude", upstream.baseUrl());
        long user = hub.createUser(Map.of("name", "selfie", "limits", Map.of("usdDaily", 5)));
        String mine = hub.createKey(Map.of("userId", user, "name", "mine", "limits", Map.of("rpm", 60)));
        String other = hub.userWithKey("someone-else");
        for (String k : List.of(mine, mine, other)) {
            upstream.enqueue(Behaviour.ok());
            hub.proxy().post("/v1/messages", Map.of("model", "claude-sonnet-4-5", "max_tokens", 8,
                    "messages", List.of(Map.of("role", "user", "content", "hi"))), "x-api-key", k, "anthropic-version", "2023-06-01");
        }
        hub.awaitLogRows(3);

        JsonNode me = TestHub.expect(hub.proxy().get("/api/v1/me", "authorization", "Bearer " + mine), 200);
        assertThat(me.path("key").path("name").asText()).isEqualTo("mine");
        assertThat(me.path("userName").asText()).isEqualTo("selfie");
        assertThat(me.path("keyUsage").path("rpm").path("limit").asInt()).isEqualTo(60);
        assertThat(me.path("keyUsage").path("rpm").path("used").asInt()).isEqualTo(2);
        assertThat(me.path("userUsage").path("windows").findValuesAsText("kind")).contains("usd_daily");
        assertThat(me.path("today").path("requests").asLong()).isEqualTo(2);
        assertThat(me.toString()).doesNotContain(mine);

        JsonNode logs = TestHub.expect(hub.proxy().get("/api/v1/me/logs", "x-api-key", mine), 200).path("items");
        assertThat(logs).hasSize(2);
        logs.forEach(l -> {
            assertThat(l.path("keyName").asText()).isEqualTo("mine");
            assertThat(l.path("providerName").isNull()).isTrue();
            assertThat(l.path("decisionChain").isNull()).isTrue();
        });

        assertThat(hub.proxy().get("/api/v1/me").status()).isEqualTo(401);
        assertThat(hub.proxy().get("/api/v1/me", "authorization", "Bearer cch-nonsense").status()).isEqualTo(401);
        assertThat(hub.proxy().get("/api/v1/users", "authorization", "Bearer " + mine).status()).isEqualTo(403);
        assertThat(hub.proxy().get("/api/v1/logs", "authorization", "Bearer " + mine).status()).isEqualTo(403);
    }
}
