package dev.cch.server.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.server.testing.Http;
import dev.cch.server.testing.MutableClock;
import dev.cch.server.testing.TestDatabase;
import dev.cch.server.testing.TestHub;
import dev.cch.testkit.Behaviour;
import dev.cch.testkit.FakeUpstream;
import dev.cch.testkit.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing and resilience end to end: several fake upstreams at once behind one hub, on real PostgreSQL. Each test
 * uses its own provider group, so its providers are the only candidates.
 */
class RoutingEndToEndTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static MutableClock clock = MutableClock.atNow();
    static TestHub hub;
    static final List<FakeUpstream> upstreams = new ArrayList<>();

    @BeforeAll
    static void start() {
        hub = TestHub.start(TestDatabase.create(), true, Map.of("hub.failover.delay.ms", "0"), clock);
    }

    @AfterAll
    static void stop() {
        hub.close();
        upstreams.forEach(FakeUpstream::close);
    }

    static FakeUpstream upstream(String name) {
        FakeUpstream u = FakeUpstream.start(name);
        upstreams.add(u);
        return u;
    }

    static long provider(String name, String group, String url, int priority, Map<String, Object> extra) {
        return hub.createProvider(name, "claude", url, p -> {
            p.put("groupTags", List.of(group));
            p.put("priority", priority);
            p.putAll(extra);
            return p;
        });
    }

    static String keyIn(String group) {
        return hub.createKey(Map.of("userId", hub.createUser(Map.of("name", "u-" + group, "providerGroup", group)), "name", group));
    }

    static String body(String session, int messages, boolean stream) {
        StringBuilder msgs = new StringBuilder();
        for (int i = 0; i < messages; i++) {
            msgs.append(i == 0 ? "" : ",").append("{\"role\":\"").append(i % 2 == 0 ? "user" : "assistant")
                    .append("\",\"content\":\"turn ").append(i).append("\"}");
        }
        return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":50," + (stream ? "\"stream\":true," : "")
                + "\"metadata\":{\"user_id\":\"user_x_account__session_" + UUID.nameUUIDFromBytes(session.getBytes(StandardCharsets.UTF_8))
                + "\"},\"messages\":[" + msgs + "]}";
    }

    static JsonNode chainOf(String requestId) {
        try {
            return JSON.readTree((String) hub.logRow(requestId).get("decision_chain"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static JsonNode chainOf(Http.Answer a) {
        return chainOf(a.header("x-cch-request-id"));
    }

    @Test
    void clientAlwaysGetsTheHealthyAnswerPastRefusingSlowAndFakeUpstreams() throws Exception {
        FakeUpstream slow = upstream("slow").defaultBehaviour(Behaviour.hang());
        FakeUpstream fake200 = upstream("fake200").defaultBehaviour(Behaviour.fault(Behaviour.Fault.HTML_200));
        FakeUpstream healthy = upstream("healthy");
        provider("refusing", "mixed", "http://127.0.0.1:" + FakeUpstream.closedPort(), 0, Map.of());
        provider("slow", "mixed", slow.baseUrl(), 1, Map.of("timeouts", Map.of("firstByteMs", 300, "requestMs", 300)));
        provider("fake200", "mixed", fake200.baseUrl(), 2, Map.of());
        provider("healthy", "mixed", healthy.baseUrl(), 3, Map.of());
        String key = keyIn("mixed");

        Http.Answer a = hub.proxy().post("/v1/messages", body("mixed-1", 1, false), "x-api-key", key);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("content").get(0).path("text").asText()).isEqualTo("Hello from healthy.");

        HttpResponse<InputStream> s = hub.proxy().stream("/v1/messages", body("mixed-2", 1, true), "x-api-key", key);
        String stream = new String(s.body().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(stream).startsWith("event: message_start").contains("Hello fr").doesNotContain("<html").doesNotContain("error");

        JsonNode chain = chainOf(s.headers().firstValue("x-cch-request-id").orElseThrow());
        System.out.println("DECISION CHAIN (failover, streaming): " + chain.toPrettyString());
        List<String> attempts = new ArrayList<>();
        chain.forEach(e -> {
            if (e.path("type").asText().equals("attempt")) {
                attempts.add(e.path("provider").asText() + ":" + e.path("result").asText());
            }
        });
        assertThat(attempts).containsExactly("refusing:CONNECTION_REFUSED", "refusing:CONNECTION_REFUSED",
                "slow:FIRST_BYTE_TIMEOUT", "fake200:FAKE_200", "healthy:success");
    }

    @Test
    void brokenStreamsBeforeTheirFirstContentAreInvisibleToTheClient() throws Exception {
        FakeUpstream erroring = upstream("erroring").enqueue(Behaviour.fault(Behaviour.Fault.ERROR_EVENT_BEFORE_CONTENT));
        FakeUpstream empty = upstream("empty").enqueue(Behaviour.fault(Behaviour.Fault.EMPTY_STREAM));
        FakeUpstream resetting = upstream("resetting").enqueue(Behaviour.resetAfter(2));
        FakeUpstream healthy = upstream("streams-ok");
        provider("erroring", "streams", erroring.baseUrl(), 0, Map.of("maxSwitches", 5));
        provider("empty", "streams", empty.baseUrl(), 1, Map.of());
        provider("resetting", "streams", resetting.baseUrl(), 2, Map.of("maxRetryAttempts", 1));
        provider("streams-ok", "streams", healthy.baseUrl(), 3, Map.of());
        String key = keyIn("streams");

        HttpResponse<InputStream> s = hub.proxy().stream("/v1/messages", body("streams-1", 1, true), "x-api-key", key);
        String stream = new String(s.body().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(s.statusCode()).isEqualTo(200);
        assertThat(stream.split("event: message_start", -1)).hasSize(2);
        assertThat(stream).contains("\"text\":\"om strea\"").doesNotContain("Overloaded")
                .endsWith("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
        assertThat(erroring.served() + empty.served() + resetting.served()).isEqualTo(3);
    }

    @Test
    void breakerOfARepeatedlyFailingProviderOpensAndItStopsBeingChosen() {
        FakeUpstream failing = upstream("failing").defaultBehaviour(Behaviour.status(503));
        FakeUpstream backup = upstream("backup");
        long failingId = provider("failing", "brk", failing.baseUrl(), 0,
                Map.of("breaker", Map.of("failureThreshold", 2, "openDurationMs", 600_000, "halfOpenSuccesses", 1)));
        provider("backup", "brk", backup.baseUrl(), 1, Map.of());
        String key = keyIn("brk");

        for (int i = 0; i < 2; i++) {
            assertThat(hub.proxy().post("/v1/messages", body("brk-" + i, 1, false), "x-api-key", key).status()).isEqualTo(200);
        }
        assertThat(failing.served()).isEqualTo(2);
        JsonNode breakers = TestHub.expect(hub.admin("GET", "/api/v1/breakers", null), 200).path("items");
        JsonNode mine = find(breakers, failingId);
        assertThat(mine.path("state").asText()).isEqualTo("open");
        assertThat(mine.path("failures").asInt()).isEqualTo(2);
        assertThat(mine.path("reopensAt").asText()).isNotEmpty();

        Http.Answer last = null;
        for (int i = 0; i < 3; i++) {
            last = hub.proxy().post("/v1/messages", body("brk-more-" + i, 1, false), "x-api-key", key);
            assertThat(last.status()).isEqualTo(200);
        }
        assertThat(failing.served()).as("an open breaker keeps traffic away").isEqualTo(2);
        assertThat(chainOf(last).toString()).contains("breaker open");

        // after the open duration the breaker lets a trial through; a success closes it
        failing.defaultBehaviour(Behaviour.ok());
        clock.advance(Duration.ofMinutes(11));
        assertThat(find(TestHub.expect(hub.admin("GET", "/api/v1/breakers", null), 200).path("items"), failingId)
                .path("state").asText()).isEqualTo("half_open");
        assertThat(hub.proxy().post("/v1/messages", body("brk-trial", 1, false), "x-api-key", key).json()
                .path("content").get(0).path("text").asText()).isEqualTo("Hello from failing.");
        // the breaker is settled after the answer is written, so the client can ask before that happened
        org.awaitility.Awaitility.await("breaker closed").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> find(TestHub.expect(hub.admin("GET", "/api/v1/breakers", null), 200).path("items"), failingId)
                        .path("state").asText().equals("closed"));
    }

    @Test
    void adminCanResetABreaker() {
        FakeUpstream flaky = upstream("flaky").defaultBehaviour(Behaviour.status(500));
        long id = provider("flaky", "reset", flaky.baseUrl(), 0,
                Map.of("breaker", Map.of("failureThreshold", 1), "maxRetryAttempts", 1));
        String key = keyIn("reset");
        assertThat(hub.proxy().post("/v1/messages", body("reset-1", 1, false), "x-api-key", key).status()).isEqualTo(502);
        assertThat(hub.proxy().post("/v1/messages", body("reset-2", 1, false), "x-api-key", key).status()).isEqualTo(503);
        JsonNode after = TestHub.expect(hub.admin("POST", "/api/v1/breakers/" + id + "/reset", Map.of()), 200);
        assertThat(after.path("state").asText()).isEqualTo("closed");
        flaky.defaultBehaviour(Behaviour.ok());
        assertThat(hub.proxy().post("/v1/messages", body("reset-3", 1, false), "x-api-key", key).status()).isEqualTo(200);
    }

    @Test
    void sessionSticksToItsProviderAndMovesWhenThatProviderFails() {
        FakeUpstream a = upstream("sticky-a");
        FakeUpstream b = upstream("sticky-b");
        provider("sticky-a", "sticky", a.baseUrl(), 0, Map.of("weight", 50));
        provider("sticky-b", "sticky", b.baseUrl(), 0, Map.of("weight", 50));
        String key = keyIn("sticky");

        String first = hub.proxy().post("/v1/messages", body("conv-1", 1, false), "x-api-key", key).json()
                .path("content").get(0).path("text").asText();
        FakeUpstream bound = first.contains("sticky-a") ? a : b;
        FakeUpstream other = bound == a ? b : a;
        long before = other.served();
        Http.Answer turnAnswer = null;
        for (int turn = 3; turn <= 11; turn += 2) {
            turnAnswer = hub.proxy().post("/v1/messages", body("conv-1", turn, false), "x-api-key", key);
            assertThat(turnAnswer.json().path("content").get(0).path("text").asText()).as("turn " + turn).contains(bound.name());
        }
        assertThat(other.served()).isEqualTo(before);
        assertThat(chainOf(turnAnswer).toString()).contains("session_reuse");

        bound.defaultBehaviour(Behaviour.status(529));
        assertThat(hub.proxy().post("/v1/messages", body("conv-1", 13, false), "x-api-key", key).json()
                .path("content").get(0).path("text").asText()).contains(other.name());
        bound.defaultBehaviour(Behaviour.ok());
        assertThat(hub.proxy().post("/v1/messages", body("conv-1", 15, false), "x-api-key", key).json()
                .path("content").get(0).path("text").asText()).as("the binding moved").contains(other.name());
    }

    @Test
    void matchedErrorRuleGoesStraightBackWithoutFailover() {
        FakeUpstream first = upstream("rule-first").defaultBehaviour(Behaviour.status(500));
        FakeUpstream second = upstream("rule-second");
        provider("rule-first", "rules", first.baseUrl(), 0, Map.of());
        provider("rule-second", "rules", second.baseUrl(), 1, Map.of());
        String key = keyIn("rules");
        TestHub.expect(hub.admin("POST", "/api/v1/error-rules", Map.of("pattern", "fake upstream rule-first says 500",
                "overrideStatus", 400, "category", "test")), 201);

        Http.Answer a = hub.proxy().post("/v1/messages", body("rules-1", 1, false), "x-api-key", key);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().path("error").path("message").asText()).contains("says 500");
        assertThat(second.served()).isZero();
        assertThat(first.served()).isEqualTo(1);
        assertThat(chainOf(a).toString()).contains("ERROR_RULE");
    }

    @Test
    void upstreamClientErrorIsNotRetriedElsewhere() {
        FakeUpstream first = upstream("c4xx-first").defaultBehaviour(Behaviour.status(400));
        FakeUpstream second = upstream("c4xx-second");
        provider("c4xx-first", "c4xx", first.baseUrl(), 0, Map.of());
        provider("c4xx-second", "c4xx", second.baseUrl(), 1, Map.of());
        assertThat(hub.proxy().post("/v1/messages", body("c4xx", 1, false), "x-api-key", keyIn("c4xx")).status()).isEqualTo(400);
        assertThat(second.served()).isZero();
    }

    @Test
    void switchesStopAtTheConfiguredLimit() {
        List<FakeUpstream> down = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            FakeUpstream u = upstream("down-" + i).defaultBehaviour(Behaviour.status(503));
            down.add(u);
            provider("down-" + i, "switches", u.baseUrl(), i, Map.of("breaker", Map.of("failureThreshold", 100)));
        }
        Http.Answer a = hub.proxy().post("/v1/messages", body("sw", 1, false), "x-api-key", keyIn("switches"));
        assertThat(a.status()).isEqualTo(502);
        assertThat(a.json().path("error").path("message").asText()).contains("all upstream attempts failed");
        assertThat(down.stream().filter(u -> u.served() > 0).count()).as("3 switches = 4 providers").isEqualTo(4);
    }

    @Test
    void modelRedirectSendsTheTargetModelAndBillsTheRequestedOne() {
        FakeUpstream up = upstream("redirect");
        provider("redirect", "redirect", up.baseUrl(), 0, Map.of("modelRedirects",
                List.of(Map.of("match", "prefix", "source", "claude-sonnet", "target", "claude-haiku-4-5"))));
        up.enqueue(Behaviour.reply(new Reply(List.of(new Reply.Text("x")), "end_turn", 100_000, 0, 0, 0)));
        Http.Answer a = hub.proxy().post("/v1/messages", body("redir", 1, false), "x-api-key", keyIn("redirect"));
        assertThat(a.status()).isEqualTo(200);
        assertThat(up.lastRequest().bodyText()).contains("\"model\":\"claude-haiku-4-5\"");
        Map<String, Object> row = hub.logRow(a.header("x-cch-request-id"));
        assertThat(row.get("upstream_model")).isEqualTo("claude-haiku-4-5");
        assertThat(row.get("model")).isEqualTo("claude-sonnet-4-5");
        assertThat(row.get("billing_model")).isEqualTo("claude-sonnet-4-5");
        // 100k input tokens at claude-sonnet-4-5's $3 per million, not haiku's $1
        assertThat((java.math.BigDecimal) row.get("cost_usd")).isEqualByComparingTo("0.3");
    }

    private static JsonNode find(JsonNode items, long providerId) {
        for (JsonNode n : items) {
            if (n.path("providerId").asLong() == providerId) {
                return n;
            }
        }
        throw new AssertionError("no breaker for provider " + providerId + " in " + items);
    }
}
