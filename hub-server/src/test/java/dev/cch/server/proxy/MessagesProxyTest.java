package dev.cch.server.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.server.testing.Http;
import dev.cch.server.testing.TestHub;
import dev.cch.testkit.Behaviour;
import dev.cch.testkit.FakeUpstream;
import dev.cch.testkit.RecordedRequest;
import dev.cch.testkit.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /v1/messages through the whole hub to a fake Anthropic upstream, against real PostgreSQL. */
class MessagesProxyTest {
    static TestHub hub;
    static FakeUpstream upstream;
    static String key;
    static final String BODY = "{\"model\":\"claude-sonnet-4-5-20250929\",\"max_tokens\":64,\n  \"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @BeforeAll
    static void start() {
        upstream = FakeUpstream.start("anthropic-fake");
        hub = TestHub.start();
        hub.createProvider("claude-main", "claude", upstream.baseUrl());
        key = hub.userWithKey("alice");
        upstream.expectKey("sk-upstream-claude-main-0123456789abcdef");
    }

    @AfterAll
    static void stop() {
        hub.close();
        upstream.close();
    }

    @BeforeEach
    void resetUpstream() {
        upstream.reset();
        upstream.expectKey("sk-upstream-claude-main-0123456789abcdef");
    }

    @Test
    void nonStreamingAnswerIsTheUpstreamsBodyUnchanged() {
        Reply reply = new Reply(List.of(new Reply.Text("exactly these words")), "end_turn", 1200, 300, 4000, 100);
        upstream.enqueue(Behaviour.reply(reply));
        Http.Answer a = hub.proxy().post("/v1/messages", BODY, "x-api-key", key, "anthropic-version", "2023-06-01");

        assertThat(a.status()).isEqualTo(200);
        JsonNode json = a.json();
        assertThat(json.path("content").get(0).path("text").asText()).isEqualTo("exactly these words");
        assertThat(json.path("id").asText()).startsWith("msg_fake_anthropic-fake_");
        assertThat(a.header("x-cch-request-id")).startsWith("req_");
    }

    @Test
    void requestBodyReachesTheUpstreamByteForByteWithTheProvidersCredential() {
        hub.proxy().post("/v1/messages?beta=true", BODY, "authorization", "Bearer " + key,
                "anthropic-version", "2023-06-01", "anthropic-beta", "claude-code-20250219");
        RecordedRequest r = upstream.lastRequest();

        assertThat(r.bodyText()).isEqualTo(BODY);
        assertThat(r.query()).isEqualTo("beta=true");
        assertThat(r.header("x-api-key")).isEqualTo("sk-upstream-claude-main-0123456789abcdef");
        assertThat(r.header("authorization")).isEqualTo("Bearer sk-upstream-claude-main-0123456789abcdef");
        assertThat(r.header("anthropic-beta")).isEqualTo("claude-code-20250219");
        assertThat(r.header("anthropic-version")).isEqualTo("2023-06-01");
    }

    @Test
    void streamIsRelayedByteForByteAndEndsWithMessageStop() throws Exception {
        Reply reply = new Reply(List.of(new Reply.Thinking("let me think about it", "sig-1"),
                new Reply.Text("streamed words arrive in pieces")), "end_turn", 50, 20, 0, 0);
        upstream.enqueue(Behaviour.reply(reply));
        String body = BODY.replace("\"max_tokens\":64", "\"max_tokens\":64,\"stream\":true");
        HttpResponse<InputStream> r = hub.proxy().stream("/v1/messages", body, "x-api-key", key);

        String relayed = new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        assertThat(relayed).startsWith("event: message_start\n").endsWith("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
        assertThat(relayed).contains("\"thinking_delta\"", "\"signature_delta\"", "\"text\":\"streamed\"");
        assertThat(relayed).isEqualTo(String.join("", expectedEvents(reply, "claude-sonnet-4-5-20250929", relayed)));
    }

    /** The fake's own rendering of the same reply, with the id the relayed stream carries. */
    private static List<String> expectedEvents(Reply reply, String model, String relayed) {
        int i = relayed.indexOf("\"id\":\"") + 6;
        String id = relayed.substring(i, relayed.indexOf('"', i));
        return upstream.render("anthropic", reply, model, id);
    }

    @Test
    void usageAndCostOfEachRequestAreLogged() {
        long before = hub.db().number("SELECT count(*) FROM request_log");
        upstream.enqueue(Behaviour.reply(new Reply(List.of(new Reply.Text("ok")), "end_turn", 1000, 500, 2000, 400)));
        hub.proxy().post("/v1/messages", BODY, "x-api-key", key);
        hub.awaitLogRows(before + 1);

        Map<String, Object> row = hub.logRows().getLast();
        assertThat(row.get("status_code")).isEqualTo(200);
        assertThat(row.get("input_tokens")).isEqualTo(1000L);
        assertThat(row.get("output_tokens")).isEqualTo(500L);
        assertThat(row.get("cache_read_tokens")).isEqualTo(2000L);
        assertThat(row.get("cache_write_5m_tokens")).isEqualTo(400L);
        // claude-sonnet-4-5: $3 in, $15 out, $0.30 cache read, $3.75 cache write (per million)
        BigDecimal expected = new BigDecimal("0.003").add(new BigDecimal("0.0075")).add(new BigDecimal("0.0006"))
                .add(new BigDecimal("0.0015"));
        assertThat((BigDecimal) row.get("cost_usd")).isEqualByComparingTo(expected);
        assertThat(row.get("provider_id")).isNotNull();
        assertThat((String) row.get("decision_chain")).contains("\"type\": \"attempt\"").doesNotContain("sk-upstream");
    }

    @Test
    void streamedUsageIsReadFromTheStreamAndLogged() throws Exception {
        long before = hub.db().number("SELECT count(*) FROM request_log");
        upstream.enqueue(Behaviour.reply(new Reply(List.of(new Reply.Text("hello")), "end_turn", 77, 33, 11, 0)));
        HttpResponse<InputStream> r = hub.proxy().stream("/v1/messages", BODY.replace("{", "{\"stream\":true,"), "x-api-key", key);
        drain(r.body());
        hub.awaitLogRows(before + 1);

        Map<String, Object> row = hub.logRows().getLast();
        assertThat(row.get("stream")).isEqualTo(true);
        assertThat(row.get("input_tokens")).isEqualTo(77L);
        assertThat(row.get("output_tokens")).isEqualTo(33L);
        assertThat(row.get("cache_read_tokens")).isEqualTo(11L);
        assertThat(row.get("ttft_ms")).isNotNull();
    }

    @Test
    void missingKeyGets401InAnthropicsErrorShape() {
        Http.Answer a = hub.proxy().post("/v1/messages", BODY);
        assertThat(a.status()).isEqualTo(401);
        assertThat(a.json().path("type").asText()).isEqualTo("error");
        assertThat(a.json().path("error").path("type").asText()).isEqualTo("authentication_error");
        assertThat(upstream.requests()).isEmpty();
    }

    @Test
    void wrongKeyGets401AndIsLoggedAsBlocked() {
        long before = hub.db().number("SELECT count(*) FROM request_log WHERE blocked_by = 'auth'");
        Http.Answer a = hub.proxy().post("/v1/messages", BODY, "x-api-key", "cch-not-a-real-key");
        assertThat(a.status()).isEqualTo(401);
        assertThat(a.json().path("error").path("message").asText()).isEqualTo("invalid API key");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> hub.db().number("SELECT count(*) FROM request_log WHERE blocked_by = 'auth'") > before);
    }

    @Test
    void upstreamClientErrorIsPassedBackAsIs() {
        upstream.enqueue(Behaviour.status(400));
        Http.Answer a = hub.proxy().post("/v1/messages", BODY, "x-api-key", key);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().path("error").path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(a.json().path("error").path("message").asText()).contains("fake upstream");
    }

    @Test
    void bodyWithoutModelIsRefusedWith400() {
        Http.Answer a = hub.proxy().post("/v1/messages", "{\"messages\":[]}", "x-api-key", key);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().path("error").path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(a.json().path("error").path("message").asText()).contains("model");
    }

    private static void drain(InputStream in) throws Exception {
        try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
        }
    }
}
