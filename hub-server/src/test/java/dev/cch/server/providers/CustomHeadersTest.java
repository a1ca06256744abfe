package dev.cch.server.providers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.server.testing.TestHub;
import dev.cch.testkit.FakeUpstream;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Custom header values are sealed at rest and shown only as masks; the editor's round trip (sending the mask back)
 * keeps the value, a new value replaces it, and the provider always gets the real one.
 */
class CustomHeadersTest {
    static final String TOKEN = "org-token-0123456789-WXYZ";

    @Test
    void headerValuesAreMaskedOnDisplaySealedAtRestAndKeptThroughTheEditorsRoundTrip() {
        try (FakeUpstream upstream = FakeUpstream.start("custom-headers"); TestHub hub = TestHub.start()) {
            long id = hub.createProvider("with-headers", "claude", upstream.baseUrl(), p -> {
                p.put("customHeaders", Map.of("x-org-token", TOKEN, "x-team", "blue"));
                return p;
            });
            String key = hub.userWithKey("custom-headers-user");
            JsonNode shown = TestHub.expect(hub.admin("GET", "/api/v1/providers/" + id, null), 200);
            assertThat(shown.path("customHeaders").path("x-org-token").asText()).isEqualTo("****WXYZ");
            assertThat(shown.path("customHeaders").path("x-team").asText()).isEqualTo("****");
            assertThat(hub.db().number("SELECT count(*) FROM providers WHERE custom_headers::text LIKE '%" + TOKEN + "%'")).isZero();
            assertThat(hub.db().number("SELECT count(*) FROM providers WHERE custom_headers::text LIKE '%blue%'")).isZero();

            // the editor sends back what it was shown, with one value changed
            Map<String, Object> edited = new java.util.HashMap<>(Map.of("name", "with-headers", "type", "claude",
                    "baseUrl", upstream.baseUrl(), "customHeaders", Map.of("x-org-token", "****WXYZ", "x-team", "green")));
            TestHub.expect(hub.admin("PUT", "/api/v1/providers/" + id, edited), 200);
            assertThat(hub.proxy().post("/v1/messages", Map.of("model", "claude-sonnet-4-5", "max_tokens", 8,
                    "messages", List.of(Map.of("role", "user", "content", "hi"))), "x-api-key", key).status()).isEqualTo(200);
            assertThat(upstream.lastRequest().header("x-org-token")).isEqualTo(TOKEN);
            assertThat(upstream.lastRequest().header("x-team")).isEqualTo("green");
        }
    }
}
