package dev.cch.server.admin;

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

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Run-time settings: defaults from configuration, changes stored, audited and applied on every node. */
class SettingsApiTest {
    static TestDatabase db;
    static TestHub a;
    static TestHub b;
    static FakeUpstream upstream;

    @BeforeAll
    static void start() {
        db = TestDatabase.create();
        Map<String, String> shared = Map.of("hub.redis.url", TestRedis.URL, "hub.redis.prefix", TestRedis.uniquePrefix(),
                "hub.log.retention.days", "30");
        a = TestHub.startOn(db, shared);
        b = TestHub.startOn(db, shared);
        upstream = FakeUpstream.start("settings");
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
        db.close();
        upstream.close();
    }

    @Test
    void defaultsComeFromConfigurationAndAChangeReachesTheOtherNode() {
        JsonNode s = TestHub.expect(a.admin("GET", "/api/v1/settings", null), 200);
        assertThat(s.path("billingModel").asText()).isEqualTo("requested");
        assertThat(s.path("logRetentionDays").asInt()).isEqualTo(30);
        assertThat(s.path("priceSyncHours").asInt()).isEqualTo(24);

        b.createProvider("redirecting", "claude", upstream.baseUrl(), p -> {
            p.put("modelRedirects", List.of(Map.of("source", "claude-sonnet-4-5", "target", "claude-haiku-4-5")));
            return p;
        });
        String key = a.userWithKey("settler");
        Reply reply = new Reply(List.of(new Reply.Text("ok")), "end_turn", 100_000, 0, 0, 0);
        Map<String, Object> body = Map.of("model", "claude-sonnet-4-5", "max_tokens", 8,
                "messages", List.of(Map.of("role", "user", "content", "hi")));

        upstream.enqueue(Behaviour.reply(reply));
        Http.Answer requested = b.proxy().post("/v1/messages", body, "x-api-key", key, "anthropic-version", "2023-06-01");
        // 100k input tokens priced as the requested sonnet: $0.30
        assertThat((BigDecimal) b.logRow(requested.header("x-cch-request-id")).get("cost_usd")).isEqualByComparingTo("0.3");

        JsonNode changed = TestHub.expect(a.admin("PUT", "/api/v1/settings", Map.of("billingModel", "redirected",
                "priceSyncUrl", "", "priceSyncHours", 0, "logRetentionDays", 90)), 200);
        assertThat(changed.path("billingModel").asText()).isEqualTo("redirected");
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> b.admin("GET", "/api/v1/settings", null).json().path("billingModel").asText().equals("redirected"));

        upstream.enqueue(Behaviour.reply(reply));
        Http.Answer redirected = b.proxy().post("/v1/messages", body, "x-api-key", key, "anthropic-version", "2023-06-01");
        // now priced as the haiku actually used: $0.10
        assertThat((BigDecimal) b.logRow(redirected.header("x-cch-request-id")).get("cost_usd")).isEqualByComparingTo("0.1");
        assertThat(db.number("SELECT count(*) FROM audit_log WHERE action = 'settings.update'")).isEqualTo(1);
    }

    @Test
    void invalidSettingsAreNamed() {
        Http.Answer bad = a.admin("PUT", "/api/v1/settings", Map.of("billingModel", "cheapest", "priceSyncHours", -1,
                "priceSyncUrl", "/etc/passwd"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("billingModel", "priceSyncHours", "priceSyncUrl");
    }
}
