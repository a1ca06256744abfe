package dev.cch.server.crypto;

import dev.cch.server.HubServer;
import dev.cch.server.config.HubConfig;
import dev.cch.server.testing.Http;
import dev.cch.server.testing.TestDatabase;
import dev.cch.server.testing.TestHub;
import dev.cch.testkit.Behaviour;
import dev.cch.testkit.FakeUpstream;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code rotate-master-key}: every secret at rest moves to a new key, and the hub serves with it afterwards. */
class MasterKeyRotationTest {

    @Test
    void rotatingTheGeneratedKeyReEncryptsEverySecretAndTheHubStillServes() throws Exception {
        Path dir = Files.createTempDirectory("cch-rotate-");
        try (TestDatabase db = TestDatabase.create(); FakeUpstream upstream = FakeUpstream.start("rotate")) {
            // an empty hub.master.key: the key is generated into the data directory
            HubConfig config = TestHub.config(db, dir, Map.of("hub.master.key", ""));
            String key;
            try (HubServer hub = HubServer.start(config)) {
                Http admin = new Http(hub.baseUrl());
                admin.post("/api/v1/providers", Map.of("name", "sealed", "type", "claude", "baseUrl", upstream.baseUrl(),
                        "secret", "sk-sealed-secret-0123456789", "proxyUrl", "http://user:pass@127.0.0.1:3128",
                        "customHeaders", Map.of("x-org-token", "org-token-0123456789-abcd")),
                        "authorization", "Bearer " + TestHub.ADMIN_TOKEN);
                admin.post("/api/v1/webhooks", Map.of("name", "ding", "kind", "dingtalk", "url", "http://127.0.0.1:9/hook",
                        "secret", "SECdingtalk-secret"), "authorization", "Bearer " + TestHub.ADMIN_TOKEN);
                long user = admin.post("/api/v1/users", Map.of("name", "u"), "authorization", "Bearer " + TestHub.ADMIN_TOKEN)
                        .json().path("id").asLong();
                key = admin.post("/api/v1/keys", Map.of("userId", user, "name", "k"), "authorization",
                        "Bearer " + TestHub.ADMIN_TOKEN).json().path("secret").asText();
            }
            String oldKey = Files.readString(dir.resolve("master.key")).trim();
            byte[] oldSealed = db.bytes("SELECT secret_ciphertext FROM providers WHERE name = 'sealed'");

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = RotateMasterKeyCommand.run(config, new String[] {"rotate-master-key"},
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("4 secrets re-encrypted");
            String newKey = Files.readString(dir.resolve("master.key")).trim();
            assertThat(newKey).isNotEqualTo(oldKey);
            assertThat(Files.exists(dir.resolve("master.key.next"))).isFalse();

            byte[] newSealed = db.bytes("SELECT secret_ciphertext FROM providers WHERE name = 'sealed'");
            assertThat(SecretCipher.fromBase64(newKey).decrypt(newSealed)).isEqualTo("sk-sealed-secret-0123456789");
            assertThatThrownBy(() -> SecretCipher.fromBase64(oldKey).decrypt(newSealed)).isInstanceOf(IllegalArgumentException.class);
            assertThat(SecretCipher.fromBase64(oldKey).decrypt(oldSealed)).isEqualTo("sk-sealed-secret-0123456789");

            // the restarted hub reads the new key and sends the provider's secret upstream as before
            try (HubServer hub = HubServer.start(config)) {
                upstream.expectKey("sk-sealed-secret-0123456789");
                upstream.enqueue(Behaviour.ok());
                // the provider's proxy URL points nowhere useful: fall back is off, so use one without a proxy
                new Http(hub.baseUrl()).put("/api/v1/providers/" + db.number("SELECT id FROM providers WHERE name = 'sealed'"),
                        Map.of("name", "sealed", "type", "claude", "baseUrl", upstream.baseUrl(),
                                "customHeaders", Map.of("x-org-token", "****abcd")),
                        "authorization", "Bearer " + TestHub.ADMIN_TOKEN);
                Http.Answer a = new Http(hub.baseUrl()).post("/v1/messages", Map.of("model", "claude-sonnet-4-5",
                        "max_tokens", 8, "messages", List.of(Map.of("role", "user", "content", "hi"))), "x-api-key", key);
                assertThat(a.status()).as(a.body()).isEqualTo(200);
                assertThat(upstream.lastRequest().header("x-org-token")).as("the custom header moved to the new key")
                        .isEqualTo("org-token-0123456789-abcd");
            }

            // a wrong current key changes nothing
            HubConfig wrong = TestHub.config(db, dir, Map.of("hub.master.key", TestHub.MASTER_KEY));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertThat(RotateMasterKeyCommand.run(wrong, new String[] {"rotate-master-key"},
                    new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("nothing was changed");
            assertThat(db.bytes("SELECT secret_ciphertext FROM providers WHERE name = 'sealed'")).isNotEqualTo(oldSealed);
            assertThat(SecretCipher.fromBase64(newKey).decrypt(
                    db.bytes("SELECT secret_ciphertext FROM providers WHERE name = 'sealed'"))).isEqualTo("sk-sealed-secret-0123456789");
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
