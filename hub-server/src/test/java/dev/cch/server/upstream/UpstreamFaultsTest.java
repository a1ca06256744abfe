package dev.cch.server.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.server.testing.Http;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upstream faults not covered by the routing and timeout suites: malformed SSE before any content (failover,
 * invisible to the client), a reset after content has reached the client (a clean error event in the client's
 * protocol, logged), and a slow but steady drip (streamed through as it comes, never cut by the idle timeout).
 * Each in the client's own protocol where the hub converts. An upstream redirect is a provider failure, never
 * followed and never handed to the client.
 */
class UpstreamFaultsTest {
    static TestHub hub;
    static FakeUpstream flaky;
    static FakeUpstream healthy;
    static String key;

    @BeforeAll
    static void start() {
        flaky = FakeUpstream.start("flaky");
        healthy = FakeUpstream.start("steady");
        hub = TestHub.start(Map.of("hub.failover.delay.ms", "0"));
        hub.createProvider("flaky", "claude", flaky.baseUrl(), p -> {
            p.put("priority", 0);
            p.put("maxRetryAttempts", 1);
            p.put("breaker", Map.of("failureThreshold", 0));
            p.put("timeouts", Map.of("streamingIdleMs", 1000));
            return p;
        });
        hub.createProvider("steady", "claude", healthy.baseUrl(), p -> {
            p.put("priority", 1);
            return p;
        });
        key = hub.userWithKey("faults");
    }

    @AfterAll
    static void stop() {
        hub.close();
        flaky.close();
        healthy.close();
    }

    /** A streamed chat request; each test its own conversation, so none sticks to another's provider. */
    static HttpResponse<InputStream> chatStream(String conversation) {
        return hub.proxy().stream("/v1/chat/completions", Map.of("model", "claude-sonnet-4-5", "stream", true,
                "messages", List.of(Map.of("role", "user", "content", conversation))), "authorization", "Bearer " + key);
    }

    /** provider:result of each attempt of a request, from its logged decision chain. */
    static List<String> attempts(String requestId) throws Exception {
        JsonNode chain = new ObjectMapper().readTree(hub.logRow(requestId).get("decision_chain").toString());
        List<String> attempts = new ArrayList<>();
        chain.forEach(e -> {
            if (e.path("type").asText().equals("attempt")) {
                attempts.add(e.path("provider").asText() + ":" + e.path("result").asText());
            }
        });
        return attempts;
    }

    static Http.Answer chat(String conversation) {
        return hub.proxy().post("/v1/messages", Map.of("model", "claude-sonnet-4-5", "max_tokens", 16,
                "messages", List.of(Map.of("role", "user", "content", conversation))), "x-api-key", key);
    }

    @Test
    void anUpstreamRedirectIsAProviderFailureThatFailsOver() throws Exception {
        flaky.enqueue(Behaviour.status(302));
        Http.Answer a = chat("redirected once");
        assertThat(a.status()).isEqualTo(200);
        assertThat(attempts(a.header("x-cch-request-id"))).containsExactly("flaky:UPSTREAM_REDIRECT", "steady:success");
    }

    @Test
    void whenEveryProviderRedirectsTheClientGetsABadGatewayNotTheRedirect() {
        flaky.enqueue(Behaviour.status(307));
        healthy.enqueue(Behaviour.status(301));
        Http.Answer a = chat("redirected everywhere");
        assertThat(a.status()).isEqualTo(502);
        assertThat(a.header("location")).isNull();
        assertThat(a.json().path("error").path("message").asText()).contains("redirects are not followed");
    }

    @Test
    void malformedSseBeforeContentFailsOverAndTheClientNeverSeesIt() throws Exception {
        flaky.enqueue(Behaviour.fault(Behaviour.Fault.MALFORMED_SSE));
        HttpResponse<InputStream> r = chatStream("malformed");
        String sse = new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(sse).contains("\"role\":\"assistant\"").contains("Hello fr").endsWith("data: [DONE]\n\n");
        assertThat(sse.split("\"role\":\"assistant\"", -1)).hasSize(2);
        List<String> attempts = attempts(r.headers().firstValue("x-cch-request-id").orElseThrow());
        assertThat(attempts).hasSize(2).endsWith("steady:success");
        assertThat(attempts.getFirst()).startsWith("flaky:").isNotEqualTo("flaky:success");
    }

    @Test
    void aResetAfterContentEndsTheStreamWithAnErrorInTheClientsProtocol() throws Exception {
        List<Reply.Block> words = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            words.add(new Reply.Text("w" + i + " "));
        }
        // message_start, block start and four words reach the client, then the connection drops
        flaky.enqueue(Behaviour.resetAfter(6).withReply(new Reply(words, "end_turn", 10, 30, 0, 0)));
        HttpResponse<InputStream> r = chatStream("reset");
        String sse = new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(sse).contains("w0 ").doesNotContain("[DONE]").doesNotContain("w29");
        assertThat(sse).contains("\"error\":{").endsWith("\n\n");
        Map<String, Object> row = hub.logRow(r.headers().firstValue("x-cch-request-id").orElseThrow());
        assertThat(row.get("error_kind")).isNotNull();
        assertThat(row.get("attempts")).as("committed streams are never retried elsewhere").isEqualTo(1);
    }

    @Test
    void aSlowSteadyDripIsStreamedThroughAsItComes() throws Exception {
        List<Reply.Block> words = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            words.add(new Reply.Text("drip" + i + " "));
        }
        // every event 400 ms apart: slower than nothing, well within the 1 s idle timeout
        flaky.enqueue(Behaviour.reply(new Reply(words, "end_turn", 10, 8, 0, 0)).withEventInterval(Duration.ofMillis(400)));
        HttpResponse<InputStream> r = chatStream("drip");
        InputStream in = r.body();
        StringBuilder seen = new StringBuilder();
        byte[] buf = new byte[256];
        while (!seen.toString().contains("drip0")) {
            int n = in.read(buf);
            assertThat(n).isPositive();
            seen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        }
        long firstWords = System.nanoTime();
        seen.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        // the first words reached the client while the upstream was still dripping the rest (about 3 s more);
        // a hub that buffered the answer would deliver everything at once
        assertThat(Duration.ofNanos(System.nanoTime() - firstWords)).isGreaterThan(Duration.ofMillis(1500));
        assertThat(seen.toString()).contains("drip7").endsWith("data: [DONE]\n\n");
        assertThat(hub.logRow(r.headers().firstValue("x-cch-request-id").orElseThrow()).get("error_kind")).isNull();
    }
}
