package dev.cch.server.auth;

import dev.cch.server.HubServer;
import dev.cch.server.testing.Http;
import dev.cch.server.testing.PostgresServer;
import dev.cch.server.testing.TestHub;
import dev.cch.testkit.FakeUpstream;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stopped for many cache refresh periods (the periodic refresh runs every 500 ms here, 30 s by default):
 * keys used before keep working from cache, none waits on the dead pool (clients give up after 3 s), health says
 * degraded while ready, the admin API answers 503 problem+json; when the database is back a revocation is immediate.
 */
class KeysDuringDatabaseOutageTest {
    static final String BODY = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":8,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    int send(String base, String key) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(base + "/v1/messages")).timeout(Duration.ofSeconds(3))
                    .header("x-api-key", key).header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(BODY)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception timedOutOrBroken) {
            return -1;
        }
    }

    @Test
    void knownKeysKeepWorkingThroughALongOutageAndRevocationIsImmediateOnceItIsBack() throws Exception {
        Path dir = Files.createTempDirectory("cch-keys-outage-");
        try (PostgresServer pg = new PostgresServer(); FakeUpstream upstream = FakeUpstream.start("keys-outage")) {
            var config = TestHub.config(null, dir, Map.of("hub.database.url", pg.url(), "hub.cache.refresh.ms", "500",
                    "hub.log.flush.ms", "20"));
            try (HubServer hub = HubServer.start(config)) {
                String base = hub.baseUrl();
                Http admin = new Http(base);
                String auth = "Bearer " + TestHub.ADMIN_TOKEN;
                TestHub.expect(admin.post("/api/v1/providers", Map.of("name", "p", "type", "claude", "baseUrl", upstream.baseUrl(),
                        "secret", "sk-keys-outage-0123456789"), "authorization", auth), 201);
                long user = admin.post("/api/v1/users", Map.of("name", "u"), "authorization", auth).json().path("id").asLong();
                var created = admin.post("/api/v1/keys", Map.of("userId", user, "name", "k"), "authorization", auth).json();
                String key = created.path("secret").asText();
                assertThat(send(base, key)).isEqualTo(200);

                pg.stop();
                List<Integer> during = new ArrayList<>();
                long until = System.nanoTime() + Duration.ofSeconds(6).toNanos(); // a dozen refresh periods
                while (System.nanoTime() < until) {
                    during.add(send(base, key));
                }
                assertThat(during).as("answers while the database is away").hasSizeGreaterThan(10).containsOnly(200);
                Http.Answer health = admin.get("/health");
                assertThat(health.json().path("status").asText()).isEqualTo("degraded");
                assertThat(health.json().path("checks").path("database").asText()).isEqualTo("down");
                assertThat(admin.get("/health/ready").status()).isEqualTo(200);
                Http.Answer users = admin.get("/api/v1/users", "authorization", auth);
                assertThat(users.status()).isEqualTo(503);
                assertThat(users.header("content-type")).startsWith("application/problem+json");
                assertThat(users.json().path("status").asInt()).isEqualTo(503);

                pg.start();
                long keyId = created.path("key").path("id").asLong();
                org.awaitility.Awaitility.await("the admin API is back").atMost(Duration.ofSeconds(20))
                        .until(() -> admin.delete("/api/v1/keys/" + keyId, "authorization", auth).status() < 300);
                assertThat(send(base, key)).as("revoked while the database answers").isEqualTo(401);
            }
        } finally {
            TestHub.deleteTree(dir);
        }
    }
}
