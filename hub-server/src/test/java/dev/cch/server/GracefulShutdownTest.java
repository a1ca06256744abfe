package dev.cch.server;

import dev.cch.server.testing.TestHub;
import dev.cch.testkit.Behaviour;
import dev.cch.testkit.FakeUpstream;
import dev.cch.testkit.Reply;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.Awaitility;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Stopping a hub lets a stream that is already running finish, and its request log row is written. */
class GracefulShutdownTest {

    @Test
    void inFlightStreamFinishesBeforeTheHubStops() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start("slow")) {
            TestHub hub = TestHub.start();
            hub.createProvider("slow", "claude", upstream.baseUrl());
            String key = hub.userWithKey("zoe");
            String text = "a reply that takes a little while to stream out completely";
            upstream.enqueue(Behaviour.reply(Reply.text(text)).withEventInterval(Duration.ofMillis(150)));
            HttpResponse<InputStream> r = hub.proxy().stream("/v1/messages",
                    "{\"model\":\"claude-haiku-4-5\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                    "x-api-key", key);
            InputStream body = r.body();
            byte[] first = body.readNBytes(20); // the stream is running

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> hub.server().close());
            // readiness turns false first, so a load balancer stops sending while the stream still runs
            Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(10))
                    .until(() -> hub.proxy().get("/health/ready").status() == 503);
            assertThat(stopping).isNotDone();
            String rest = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            stopping.get();

            assertThat(new String(first, StandardCharsets.UTF_8) + rest).endsWith("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
            assertThat(hub.db().number("SELECT count(*) FROM request_log WHERE status_code = 200 AND error_kind IS NULL")).isEqualTo(1);
            hub.db().close();
        }
    }
}
