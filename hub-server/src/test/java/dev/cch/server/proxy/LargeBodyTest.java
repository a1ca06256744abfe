package dev.cch.server.proxy;

import dev.cch.server.testing.TestHub;
import dev.cch.testkit.FakeUpstream;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A valid body near the documented 32 MiB limit, most of it one string (a pasted file), is taken and passed on. */
class LargeBodyTest {

    @Test
    void aBodyWithOneStringOfTwentyFiveMillionCharactersIsServed() {
        try (FakeUpstream upstream = FakeUpstream.start("large-body"); TestHub hub = TestHub.start(Map.of())) {
            hub.createProvider("large-body-claude", "claude", upstream.baseUrl());
            String key = hub.userWithKey("large-body-user");
            byte[] body = ("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":8,\"messages\":[{\"role\":\"user\",\"content\":\""
                    + "a".repeat(25_000_000) + "\"}]}").getBytes(StandardCharsets.UTF_8);
            assertThat(hub.proxy().post("/v1/messages", body, "x-api-key", key, "content-type", "application/json").status())
                    .isEqualTo(200);
            assertThat(upstream.lastRequest().body()).hasSize(body.length);
        }
    }
}
