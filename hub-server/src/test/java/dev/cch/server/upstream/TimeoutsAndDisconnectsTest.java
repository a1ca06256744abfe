package dev.cch.server.upstream;

import dev.cch.server.testing.Http;
import dev.cch.server.testing.TestHub;
import dev.cch.testkit.Behaviour;
import dev.cch.testkit.FakeUpstream;
import dev.cch.testkit.Reply;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-provider timeouts and a client that goes away mid-stream, against slow fake upstreams. */
class TimeoutsAndDisconnectsTest {
    static TestHub hub;
    static FakeUpstream slow;
    static FakeUpstream healthy;

    @BeforeAll
    static void start() {
        slow = FakeUpstream.start("slow");
        healthy = FakeUpstream.start("healthy");
        hub = TestHub.start(Map.of("hub.failover.delay.ms", "0"));
    }

    @AfterAll
    static void stop() {
        hub.close();
        slow.close();
        healthy.close();
    }

    static String key(String group, Map<String, Object> timeouts, boolean withBackup) {
        hub.createProvider(group + "-slow", "claude", slow.baseUrl(), p -> {
            p.put("groupTags", List.of(group));
            p.put("timeouts", timeouts);
            p.put("maxRetryAttempts", 1);
            return p;
        });
        if (withBackup) {
            hub.createProvider(group + "-ok", "claude", healthy.baseUrl(), p -> {
                p.put("groupTags", List.of(group));
                p.put("priority", 5);
                return p;
            });
        }
        return hub.createKey(Map.of("userId", hub.createUser(Map.of("name", "u-" + group, "providerGroup", group)), "name", group));
    }

    static final String STREAM = "{\"model\":\"claude-haiku-4-5\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @Test
    void aStreamThatGoesQuietBeforeItsFirstContentFailsOverByItsIdleTimeout() throws Exception {
        String key = key("idle-pre", Map.of("streamingIdleMs", 200), true);
        // message_start and ping arrive at once; the first content would follow only after 2 s
        slow.enqueue(Behaviour.reply(Reply.text("late words")).withEventInterval(Duration.ofSeconds(2)));
        HttpResponse<InputStream> r = hub.proxy().stream("/v1/messages", STREAM, "x-api-key", key);
        String sse = new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(sse).contains("\"text\":\"Hello fr\"").doesNotContain("late");
        assertThat(hub.logRow(r.headers().firstValue("x-cch-request-id").orElseThrow()).get("decision_chain").toString())
                .contains("STREAM_IDLE_TIMEOUT");
    }

    @Test
    void aStreamThatGoesQuietAfterItsFirstContentEndsWithAnErrorEventInTheClientsProtocol() throws Exception {
        String key = key("idle-post", Map.of("streamingIdleMs", 300), true);
        // message_start, ping, block start and two text deltas, then three seconds of silence
        slow.enqueue(Behaviour.reply(Reply.text("first words, then a long pause")).withStallAfter(5, Duration.ofSeconds(3)));
        HttpResponse<InputStream> r = hub.proxy().stream("/v1/messages", STREAM, "x-api-key", key);
        String sse = new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(sse).contains("\"text\":\"first wo\"").doesNotContain("message_stop");
        assertThat(sse).endsWith("\n\n").contains("event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"api_error\"")
                .contains("upstream sent nothing for 300 ms");
        Map<String, Object> row = hub.logRow(r.headers().firstValue("x-cch-request-id").orElseThrow());
        assertThat(row.get("error_kind")).isEqualTo("STREAM_IDLE_TIMEOUT");
        assertThat(row.get("provider_id")).as("committed streams are never retried elsewhere").isNotNull();
        assertThat(row.get("attempts")).isEqualTo(1);
    }

    @Test
    void aNonStreamingCallPastItsTotalTimeoutMovesOn() {
        String key = key("total", Map.of("requestMs", 300), true);
        slow.enqueue(Behaviour.ok().withHeaderDelay(Duration.ofSeconds(3)));
        Http.Answer a = hub.proxy().post("/v1/messages", STREAM.replace("\"stream\":true,", ""), "x-api-key", key);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("content").get(0).path("text").asText()).isEqualTo("Hello from healthy.");
        assertThat(hub.logRow(a.header("x-cch-request-id")).get("decision_chain").toString()).contains("TIMEOUT");
    }

    @Test
    void aClientThatGoesAwayMidStreamStopsTheUpstreamToo() throws Exception {
        String key = key("disconnect", Map.of(), false);
        long before = slow.abandoned();
        slow.enqueue(Behaviour.reply(Reply.text("a long answer that keeps coming for quite a while yet, on and on. ".repeat(6)))
                .withEventInterval(Duration.ofMillis(100)));
        String requestId;
        try (Socket s = new Socket("127.0.0.1", hub.server().port())) {
            byte[] body = STREAM.getBytes(StandardCharsets.UTF_8);
            s.getOutputStream().write(("POST /v1/messages HTTP/1.1\r\nHost: hub\r\nx-api-key: " + key
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().write(body);
            String head = new String(s.getInputStream().readNBytes(600), StandardCharsets.UTF_8);
            assertThat(head).contains("200").contains("message_start");
            int at = head.toLowerCase().indexOf("x-cch-request-id: ") + 18;
            requestId = head.substring(at, head.indexOf('\r', at));
        }
        Awaitility.await("the upstream stream to be dropped").atMost(Duration.ofSeconds(10)).until(() -> slow.abandoned() > before);
        assertThat(hub.logRow(requestId).get("error_kind")).isEqualTo("CLIENT_ABORT");
    }
}
