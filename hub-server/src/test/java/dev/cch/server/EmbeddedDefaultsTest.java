package dev.cch.server;

import dev.cch.server.testing.Http;
import dev.cch.server.testing.TestHub;
import dev.cch.testkit.FakeUpstream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hub with nothing configured but a data directory: embedded PostgreSQL, local state store, generated admin
 * token and master key. It must serve a proxied request end to end, and keep its data across a restart.
 */
class EmbeddedDefaultsTest {

    @Test
    void startsFromAnEmptyDataDirectoryAndServesAProxiedRequest(@TempDir Path data) throws Exception {
        Map<String, String> noDb = Map.of("hub.admin.token", "", "hub.master.key", "");
        String secret;
        try (FakeUpstream upstream = FakeUpstream.start("embedded-up");
             HubServer hub = HubServer.start(TestHub.config(null, data, noDb))) {
            assertThat(hub.database().embedded()).isTrue();
            ByteArrayOutputStream banner = new ByteArrayOutputStream();
            hub.printBanner(new PrintStream(banner, true, StandardCharsets.UTF_8));
            String token = Files.readString(data.resolve("admin-token")).trim();
            assertThat(banner.toString(StandardCharsets.UTF_8)).contains("http://localhost:" + hub.port())
                    .contains(token).contains("embedded PostgreSQL");
            assertThat(Files.readString(data.resolve("master.key")).trim()).hasSize(44);

            Http http = new Http(hub.baseUrl());
            assertThat(http.get("/health").json().path("status").asText()).isEqualTo("up");
            String auth = "Bearer " + token;
            long user = http.post("/api/v1/users", Map.of("name", "newcomer"), "authorization", auth).json().path("id").asLong();
            secret = http.post("/api/v1/keys", Map.of("userId", user, "name", "first"), "authorization", auth).json().path("secret").asText();
            assertThat(http.post("/api/v1/providers", Map.of("name", "local", "type", "claude", "baseUrl", upstream.baseUrl(),
                    "secret", "sk-ant-local-000000000000"), "authorization", auth).status()).isEqualTo(201);

            Http.Answer a = http.post("/v1/messages", "{\"model\":\"claude-haiku-4-5\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                    "x-api-key", secret);
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.json().path("content").get(0).path("text").asText()).isEqualTo("Hello from embedded-up.");
        }
        // a second start on the same directory finds the same data, token and key
        try (HubServer hub = HubServer.start(TestHub.config(null, data, noDb))) {
            ByteArrayOutputStream banner = new ByteArrayOutputStream();
            hub.printBanner(new PrintStream(banner, true, StandardCharsets.UTF_8));
            assertThat(banner.toString(StandardCharsets.UTF_8)).doesNotContain(Files.readString(data.resolve("admin-token")).trim());
            Http http = new Http(hub.baseUrl());
            Http.Answer a = http.post("/v1/messages", "{\"model\":\"m\",\"messages\":[]}", "x-api-key", secret);
            // the key survived the restart; the provider's upstream is gone, so the answer is a clean 502
            assertThat(a.status()).isEqualTo(502);
            assertThat(a.json().path("error").path("type").asText()).isEqualTo("api_error");
            assertThat(hub.database().client().execute().query("SELECT count(*) AS n FROM request_log")
                    .findFirst().orElseThrow().column("n").getLong()).isGreaterThanOrEqualTo(1L);
        }
    }
}
