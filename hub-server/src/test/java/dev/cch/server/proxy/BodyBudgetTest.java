package dev.cch.server.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.server.testing.Http;
import dev.cch.server.testing.RawConnection;
import dev.cch.server.testing.TestHub;
import dev.cch.testkit.FakeUpstream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request body bytes the hub holds across all requests are bounded: while an authenticated upload holds the
 * whole budget, other requests get 503 with Retry-After in their own protocol, and are served again once it ends.
 */
class BodyBudgetTest {
    static final int MIB = 1 << 20;
    static TestHub hub;
    static FakeUpstream upstream;
    static String key;

    @BeforeAll
    static void start() {
        upstream = FakeUpstream.start("body-budget");
        hub = TestHub.start(Map.of("hub.proxy.max-body-bytes", Integer.toString(MIB),
                "hub.proxy.body-budget-bytes", Integer.toString(MIB), "hub.failover.delay.ms", "0"));
        hub.createProvider("body-budget-claude", "claude", upstream.baseUrl());
        key = hub.userWithKey("body-budget-user");
    }

    @AfterAll
    static void stop() {
        hub.close();
        upstream.close();
    }

    static Map<String, Object> small() {
        return Map.of("model", "claude-sonnet-4-5", "max_tokens", 8, "messages", List.of(Map.of("role", "user", "content", "hi")));
    }

    @Test
    void whileOneUploadHoldsTheBudgetOthersGet503InTheirProtocolAndAreServedOnceItEnds() throws Exception {
        String prefix = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":8,\"messages\":[{\"role\":\"user\",\"content\":\"";
        String suffix = "\"}]}";
        byte[] big = (prefix + "x".repeat(MIB - prefix.length() - suffix.length()) + suffix).getBytes(StandardCharsets.UTF_8);
        assertThat(big).hasSize(MIB);
        URI base = URI.create(hub.baseUrl());
        try (RawConnection upload = new RawConnection(base.getHost(), base.getPort())) {
            upload.send("POST /v1/messages HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\nx-api-key: " + key
                    + "\r\nContent-Length: " + MIB + "\r\n\r\n");
            upload.send(java.util.Arrays.copyOf(big, 1000));

            // the upload's buffer takes the whole budget as soon as the hub starts reading it
            Http.Answer refused = Awaitility.await("the budget is taken").atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> hub.proxy().post("/v1/messages", small(), "x-api-key", key), a -> a.status() == 503);
            assertThat(refused.header("retry-after")).isEqualTo("1");
            assertThat(refused.json().path("type").asText()).isEqualTo("error");
            assertThat(refused.json().path("error").path("type").asText()).isEqualTo("overloaded_error");
            JsonNode openAi = hub.proxy().post("/v1/chat/completions", Map.of("model", "claude-sonnet-4-5",
                    "messages", List.of(Map.of("role", "user", "content", "hi"))), "authorization", "Bearer " + key).json();
            assertThat(openAi.path("error").path("code").asText()).isEqualTo("hub_busy");

            upload.send(java.util.Arrays.copyOfRange(big, 1000, big.length));
            RawConnection.Received done = upload.readAnswer(10_000);
            assertThat(done.status()).isEqualTo(200);
        }
        assertThat(hub.proxy().post("/v1/messages", small(), "x-api-key", key).status()).isEqualTo(200);
        // the refusals are in the books too (rows land asynchronously)
        Awaitility.await("the 503s logged").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> hub.db().number("SELECT count(*) FROM request_log WHERE status_code = 503") >= 2);
    }
}
