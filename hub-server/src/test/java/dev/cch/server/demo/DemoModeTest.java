package dev.cch.server.demo;

import dev.cch.server.testing.Http;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Demo mode as {@code ./bin/hub --demo} starts it: embedded defaults, fake providers, a printed key, background traffic. */
class DemoModeTest {
    private static final Pattern KEY = Pattern.compile("Demo key \\(user ada\\): (cch-\\S+)");

    @Test
    void printedKeyAnswersAndBackgroundTrafficLandsInTheRequestLog() throws Exception {
        Config raw = Config.just(ConfigSources.create(Map.of("server.port", "0", "server.host", "127.0.0.1",
                "hub.time.zone", "UTC", "hub.log.flush.ms", "50", "server.shutdown-grace-period", "PT2S",
                "hub.database.url", "jdbc:postgresql://127.0.0.1:1/never-used-in-demo")));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Path dataDir;
        try (DemoMode demo = DemoMode.start(raw, new PrintStream(console, true, StandardCharsets.UTF_8))) {
            dataDir = demo.hub().parts().config().dataDir();
            assertThat(demo.hub().database().embedded()).isTrue();
            String printed = console.toString(StandardCharsets.UTF_8);
            assertThat(printed).contains("DEMO MODE");
            Matcher m = KEY.matcher(printed);
            assertThat(m.find()).as("a demo key in:%n%s", printed).isTrue();

            Http.Answer a = new Http(demo.hub().baseUrl()).post("/v1/messages",
                    "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                    "x-api-key", m.group(1));
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.json().path("content").get(0).path("text").asText()).isEqualTo("Hello from demo-anthropic.");

            // the background traffic: several users and models, answered and logged
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                var row = demo.hub().database().client().execute().query(
                                "SELECT count(*) AS n, count(DISTINCT user_id) AS users, count(DISTINCT model) AS models,"
                                        + " count(*) FILTER (WHERE status_code = 200) AS ok FROM request_log")
                        .findFirst().orElseThrow();
                assertThat(row.column("n").getLong()).isGreaterThanOrEqualTo(8L);
                assertThat(row.column("users").getLong()).isGreaterThanOrEqualTo(2L);
                assertThat(row.column("models").getLong()).isGreaterThanOrEqualTo(2L);
                assertThat(row.column("ok").getLong()).isEqualTo(row.column("n").getLong());
            });
            assertThat(demo.trafficSent()).isGreaterThanOrEqualTo(7L);
        }
        assertThat(Files.exists(dataDir)).as("the throw-away data directory is removed on exit").isFalse();
    }

    @Test
    void onlyTheFlagOrTheSettingTurnsItOn() {
        Config none = Config.just(ConfigSources.create(Map.of()));
        Config on = Config.just(ConfigSources.create(Map.of("hub.demo", "true")));
        assertThat(DemoMode.requested(none, new String[0])).isFalse();
        assertThat(DemoMode.requested(none, new String[]{"--demo"})).isTrue();
        assertThat(DemoMode.requested(on, new String[0])).isTrue();
    }
}
