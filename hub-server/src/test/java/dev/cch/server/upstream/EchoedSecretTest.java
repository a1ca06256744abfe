package dev.cch.server.upstream;

import dev.cch.server.testing.FakeReceiver;
import dev.cch.server.testing.Http;
import dev.cch.server.testing.TestHub;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upstream that echoes the provider's secret in its error body, placed so that the hub's cuts of the message (300
 * characters for the log, 500 for another protocol's error) fall inside it: no piece of the secret reaches the client (same or other protocol), the request log or
 * the decision chain. The secret matches none of the generic key patterns, so only the known-secret pass can catch it.
 */
class EchoedSecretTest {
    static final String SECRET = "zz-PLANTED-secret-0123456789ABCDEFGHIJ";
    static final String PIECE = SECRET.substring(0, 10);

    @Test
    void aSecretEchoedAcrossTheCutLeaksNowhere() {
        try (FakeReceiver echo = FakeReceiver.start(); TestHub hub = TestHub.start(Map.of("hub.failover.delay.ms", "0"))) {
            // the log's message is cut at 300 characters of "HTTP 401: " + the body, another protocol's at 500 of the
            // message: these offsets put the secret across each cut
            int[] offsets = {180, 195, 205, 460, 475};
            for (int i = 0; i < offsets.length; i++) {
                int offset = offsets[i];
                String message = "x".repeat(offset) + " invalid key " + SECRET + " end";
                echo.answer(401, "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"" + message + "\"}}");
                String name = "echo-" + offset;
                hub.createProvider(name, "claude", echo.url(""), p -> {
                    p.put("secret", SECRET);
                    p.put("groupTags", List.of(name));
                    return p;
                });
                String key = hub.createKey(hub.createUser(Map.of("name", name, "providerGroup", name)));
                List<String> places = new ArrayList<>();
                Http.Answer same = hub.proxy().post("/v1/messages", Map.of("model", "claude-sonnet-4-5", "max_tokens", 8,
                        "messages", List.of(Map.of("role", "user", "content", "hi"))), "x-api-key", key);
                places.add(same.body());
                Http.Answer other = hub.proxy().post("/v1/chat/completions", Map.of("model", "claude-sonnet-4-5",
                        "messages", List.of(Map.of("role", "user", "content", "hi"))), "authorization", "Bearer " + key);
                places.add(other.body());
                assertThat(same.status()).isGreaterThanOrEqualTo(400);
                assertThat(other.status()).isGreaterThanOrEqualTo(400);
                hub.awaitLogRows(2L * (i + 1));
                for (Map<String, Object> row : hub.logRows()) {
                    places.add(row.toString());
                    places.add(hub.admin("GET", "/api/v1/logs/" + row.get("request_id"), null).body());
                }
                assertThat(places).allSatisfy(p -> assertThat(p).doesNotContain(PIECE));
            }
        }
    }
}
