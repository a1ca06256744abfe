package dev.cch.server.observe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.server.testing.FakeReceiver;
import dev.cch.server.testing.Http;
import dev.cch.server.testing.TestHub;
import dev.cch.testkit.Behaviour;
import dev.cch.testkit.FakeUpstream;
import dev.cch.testkit.Reply;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Langfuse export of real proxied traffic to a loopback stand-in for Langfuse: traces with a generation carrying
 * model, usage and cost, failed attempts of a failed-over request, Basic auth with the configured keys, nothing
 * secret in the events, and a hanging Langfuse that costs the proxy nothing (events dropped and counted).
 */
class LangfuseExportTest {
    static final String PUBLIC_KEY = "pk-lf-0123456789";
    static final String SECRET_KEY = "sk-lf-secret-0123456789";
    static final String PROMPT = "a prompt that must not leave the hub";
    static TestHub hub;
    static FakeUpstream upstream;
    static FakeUpstream down;
    static FakeReceiver langfuse;

    @BeforeAll
    static void start() {
        upstream = FakeUpstream.start("lf-ok")
                .defaultBehaviour(Behaviour.reply(new Reply(List.of(new Reply.Text("ok")), "end_turn", 1000, 200, 3000, 500)));
        down = FakeUpstream.start("lf-down").defaultBehaviour(Behaviour.status(503));
        langfuse = FakeReceiver.start().answer(207, "{\"successes\":[],\"errors\":[]}");
        hub = TestHub.start(Map.of("hub.langfuse.public.key", PUBLIC_KEY, "hub.langfuse.secret.key", SECRET_KEY,
                "hub.langfuse.base.url", langfuse.url(""), "hub.failover.delay.ms", "0"));
    }

    @AfterAll
    static void stop() {
        hub.close();
        upstream.close();
        down.close();
        langfuse.close();
    }

    static String keyInGroup(String group, String user) {
        return hub.createKey(hub.createUser(Map.of("name", user, "providerGroup", group)));
    }

    static Http.Answer send(TestHub to, String key) {
        return to.proxy().post("/v1/messages", Map.of("model", "claude-sonnet-4-5", "max_tokens", 16,
                        "messages", List.of(Map.of("role", "user", "content", PROMPT))),
                "x-api-key", key, "x-claude-code-session-id", "lf-session-1");
    }

    /** The events of one trace, once its trace and generation have arrived. */
    static List<JsonNode> eventsOf(String traceId) {
        Awaitility.await("Langfuse events of " + traceId).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> events(traceId).stream().anyMatch(e -> e.path("type").asText().equals("generation-create")));
        return events(traceId);
    }

    static List<JsonNode> events(String traceId) {
        List<JsonNode> out = new ArrayList<>();
        for (FakeReceiver.Received r : langfuse.received()) {
            r.json().path("batch").forEach(e -> {
                JsonNode b = e.path("body");
                if (b.path("id").asText().equals(traceId) || b.path("traceId").asText().equals(traceId)) {
                    out.add(e);
                }
            });
        }
        return out;
    }

    static JsonNode body(List<JsonNode> events, String type) {
        return events.stream().filter(e -> e.path("type").asText().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + events)).path("body");
    }

    @Test
    void aFinishedRequestBecomesATraceWithAGenerationCarryingModelUsageAndCost() {
        hub.createProvider("lf-claude", "claude", upstream.baseUrl(), p -> {
            p.put("groupTags", List.of("lf-plain"));
            return p;
        });
        String key = keyInGroup("lf-plain", "lf-alice");
        Http.Answer a = send(hub, key);
        assertThat(a.status()).isEqualTo(200);
        String id = a.header("x-cch-request-id");
        List<JsonNode> events = eventsOf(id);
        Map<String, Object> row = hub.logRow(id);

        JsonNode trace = body(events, "trace-create");
        assertThat(trace.path("name").asText()).isEqualTo("/v1/messages");
        assertThat(trace.path("userId").asText()).isEqualTo("lf-alice");
        assertThat(trace.path("sessionId").asText()).isEqualTo(row.get("session_id"));
        assertThat(trace.path("tags").findValuesAsText("")).isEmpty();
        List<String> tags = new ArrayList<>();
        trace.path("tags").forEach(t -> tags.add(t.asText()));
        assertThat(tags).contains("claude", "lf-claude", "claude-sonnet-4-5", "2xx");
        assertThat(trace.path("metadata").path("provider").asText()).isEqualTo("lf-claude");
        assertThat(trace.path("metadata").path("keyName").asText()).isNotEmpty();

        JsonNode gen = body(events, "generation-create");
        assertThat(gen.path("traceId").asText()).isEqualTo(id);
        assertThat(gen.path("name").asText()).isEqualTo("llm");
        assertThat(gen.path("model").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(gen.path("usage").path("input").asLong()).isEqualTo(1000 + 3000 + 500);
        assertThat(gen.path("usage").path("output").asLong()).isEqualTo(200);
        assertThat(gen.path("usage").path("total").asLong()).isEqualTo(4700);
        assertThat(gen.path("usage").path("unit").asText()).isEqualTo("TOKENS");
        assertThat(gen.path("usageDetails").path("input").asLong()).isEqualTo(1000);
        assertThat(gen.path("usageDetails").path("cache_read_input_tokens").asLong()).isEqualTo(3000);
        assertThat(gen.path("usageDetails").path("cache_creation_input_tokens").asLong()).isEqualTo(500);
        BigDecimal cost = (BigDecimal) row.get("cost_usd");
        assertThat(cost).isPositive();
        assertThat(gen.path("costDetails").path("total").decimalValue()).isEqualByComparingTo(cost);
        assertThat(gen.path("usage").path("totalCost").decimalValue()).isEqualByComparingTo(cost);
        assertThat(gen.has("level")).as("a clean success has the default level").isFalse();
        assertThat(gen.path("startTime").asText()).isNotEmpty();
        assertThat(gen.path("endTime").asText()).isNotEmpty();
        assertThat(gen.has("completionStartTime")).as("only streams know their first token").isFalse();

        FakeReceiver.Received post = langfuse.received().getFirst();
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.path()).isEqualTo("/api/public/ingestion");
        assertThat(post.header("authorization")).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString((PUBLIC_KEY + ":" + SECRET_KEY).getBytes(StandardCharsets.UTF_8)));
        String everything = String.join("\n", langfuse.received().stream().map(FakeReceiver.Received::text).toList());
        assertThat(everything).doesNotContain(key).doesNotContain("sk-upstream-").doesNotContain(PROMPT);
    }

    @Test
    void aStreamedGenerationKnowsWhenItsFirstTokenCame() throws Exception {
        hub.createProvider("lf-stream", "claude", upstream.baseUrl(), p -> {
            p.put("groupTags", List.of("lf-stream"));
            return p;
        });
        var response = hub.proxy().stream("/v1/messages", Map.of("model", "claude-sonnet-4-5", "max_tokens", 16, "stream", true,
                "messages", List.of(Map.of("role", "user", "content", PROMPT))), "x-api-key", keyInGroup("lf-stream", "lf-dora"));
        try (var in = response.body()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("message_stop");
        }
        JsonNode gen = body(eventsOf(response.headers().firstValue("x-cch-request-id").orElseThrow()), "generation-create");
        Instant start = Instant.parse(gen.path("startTime").asText());
        Instant first = Instant.parse(gen.path("completionStartTime").asText());
        assertThat(first).isAfterOrEqualTo(start.minusMillis(1)).isBeforeOrEqualTo(Instant.parse(gen.path("endTime").asText()));
        assertThat(gen.path("usage").path("output").asLong()).isEqualTo(200);
    }

    @Test
    void aFailedOverRequestCarriesItsFailedAttempts() {
        hub.createProvider("lf-broken", "claude", down.baseUrl(), p -> {
            p.put("groupTags", List.of("lf-failover"));
            p.put("priority", 0);
            return p;
        });
        hub.createProvider("lf-backup", "claude", upstream.baseUrl(), p -> {
            p.put("groupTags", List.of("lf-failover"));
            p.put("priority", 5);
            return p;
        });
        Http.Answer a = send(hub, keyInGroup("lf-failover", "lf-bob"));
        assertThat(a.status()).isEqualTo(200);
        List<JsonNode> events = eventsOf(a.header("x-cch-request-id"));

        JsonNode gen = body(events, "generation-create");
        assertThat(gen.path("metadata").path("provider").asText()).isEqualTo("lf-backup");
        assertThat(gen.path("level").asText()).isEqualTo("WARNING");
        List<JsonNode> failed = events.stream().filter(e -> e.path("type").asText().equals("span-create"))
                .map(e -> e.path("body")).toList();
        assertThat(failed).hasSize(1);
        JsonNode attempt = failed.getFirst();
        assertThat(attempt.path("name").asText()).isEqualTo("attempt 1 lf-broken");
        assertThat(attempt.path("level").asText()).isEqualTo("WARNING");
        assertThat(attempt.path("statusMessage").asText()).startsWith("UPSTREAM_5XX (503)");
        assertThat(attempt.path("metadata").path("status").asInt()).isEqualTo(503);
        assertThat(attempt.path("startTime").asText()).isNotEmpty();
    }

    @Test
    void aHangingLangfuseCostsTheProxyNothingAndDroppedEventsAreCounted() {
        try (FakeReceiver hanging = FakeReceiver.start().hang()) {
            try (TestHub slow = TestHub.start(Map.of("hub.langfuse.public.key", PUBLIC_KEY, "hub.langfuse.secret.key", SECRET_KEY,
                    "hub.langfuse.base.url", hanging.url(""), "hub.langfuse.queue", "2", "hub.langfuse.batch", "1",
                    "hub.langfuse.timeout.ms", "120000"))) {
                slow.createProvider("lf-slow", "claude", upstream.baseUrl());
                String key = slow.userWithKey("lf-carol");
                for (int i = 0; i < 10; i++) {
                    assertThat(send(slow, key).status()).isEqualTo(200);
                }
                Awaitility.await("requests finished").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                        .until(() -> slow.server().parts().inFlight().count() == 0);
                LangfuseExport export = slow.resource(LangfuseExport.class);
                // at most one batch is stuck in the post and two wait in the queue: the other seven were dropped
                assertThat(export.droppedCount()).isGreaterThanOrEqualTo(7);
                assertThat(export.queueDepth()).isEqualTo(2);
                assertThat(hanging.await(1, r -> true)).hasSize(1);
            }
        }
    }
}
