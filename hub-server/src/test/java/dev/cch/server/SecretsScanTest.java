package dev.cch.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.server.testing.FakeReceiver;
import dev.cch.server.testing.Rows;
import dev.cch.server.testing.TestHub;
import dev.cch.testkit.Behaviour;
import dev.cch.testkit.FakeUpstream;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plants known secrets (provider keys, a proxy password, a webhook signing secret, a hub key, the admin token, the
 * Langfuse secret key), drives traffic that fails in ways that tempt a leak (an upstream echoing its key, an
 * unreachable proxy, keys in the query string), then scans everything the hub writes or answers for them.
 */
class SecretsScanTest {
    static final String PROVIDER_SECRET = "sk-planted-provider-AAAA1111bbbb2222";
    static final String ECHO_SECRET = "sk-planted-echoed-CCCC3333dddd4444";
    static final String PROXY_PASSWORD = "Planted-Proxy-Pass-5555";
    static final String WEBHOOK_SECRET = "SECplanted-webhook-6666eeee";
    static final String LANGFUSE_SECRET = "sk-lf-planted-7777ffff";
    static final String HEADER_SECRET = "Planted-Org-Token-8888gggg";

    @Test
    void noPlantedSecretAppearsInLogsAnswersChainsExportsMetricsOrTraces() throws Exception {
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            final SimpleFormatter f = new SimpleFormatter();

            @Override
            public void publish(LogRecord r) {
                synchronized (logged) {
                    logged.add(f.format(r));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Level before = root.getLevel();
        root.addHandler(capture);
        root.setLevel(Level.ALL);
        List<String> answers = new ArrayList<>();
        try (FakeUpstream good = FakeUpstream.start("scan-good"); FakeReceiver echo = FakeReceiver.start();
             FakeReceiver langfuse = FakeReceiver.start(); FakeReceiver hook = FakeReceiver.start();
             TestHub hub = TestHub.start(Map.of("hub.langfuse.public.key", "pk-lf-scan",
                     "hub.langfuse.secret.key", LANGFUSE_SECRET, "hub.langfuse.base.url", langfuse.url(""),
                     "hub.failover.delay.ms", "0"))) {
            echo.answer(401, "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key "
                    + ECHO_SECRET + " (Authorization: Bearer " + ECHO_SECRET + ")\"}}");
            hub.createProvider("scan-good", "claude", good.baseUrl(), p -> {
                p.put("secret", PROVIDER_SECRET);
                p.put("customHeaders", Map.of("x-org-token", HEADER_SECRET));
                p.put("allowedModels", List.of(Map.of("match", "exact", "pattern", "claude-sonnet-4-5")));
                return p;
            });
            hub.createProvider("scan-echo", "claude", echo.url(""), p -> {
                p.put("secret", ECHO_SECRET);
                p.put("allowedModels", List.of(Map.of("match", "exact", "pattern", "claude-opus-4-1")));
                return p;
            });
            hub.createProvider("scan-proxied", "gemini", good.baseUrl(), p -> {
                p.put("proxyUrl", "http://scan:" + PROXY_PASSWORD + "@127.0.0.1:" + FakeUpstream.closedPort());
                p.put("allowedModels", List.of(Map.of("match", "exact", "pattern", "gemini-2.5-pro")));
                return p;
            });
            long hookId = TestHub.expect(hub.admin("POST", "/api/v1/webhooks", Map.of("name", "ding", "kind", "dingtalk",
                    "url", hook.url("/robot"), "secret", WEBHOOK_SECRET, "events", List.of("breaker_open"))), 201)
                    .path("id").asLong();
            String key = hub.userWithKey("scanner");

            good.enqueue(Behaviour.ok());
            answers.add(hub.proxy().post("/v1/messages", Map.of("model", "claude-sonnet-4-5", "max_tokens", 8,
                    "messages", List.of(Map.of("role", "user", "content", "hi"))), "x-api-key", key,
                    "anthropic-version", "2023-06-01").body());
            answers.add(hub.proxy().post("/v1/messages", Map.of("model", "claude-opus-4-1", "max_tokens", 8,
                    "messages", List.of(Map.of("role", "user", "content", "hi"))), "authorization", "Bearer " + key,
                    "anthropic-version", "2023-06-01").body());
            answers.add(hub.proxy().post("/v1beta/models/gemini-2.5-pro:generateContent?key=" + key,
                    Map.of("contents", List.of(Map.of("role", "user", "parts", List.of(Map.of("text", "hi")))))).body());
            answers.add(hub.proxy().post("/v1/messages", Map.of("model", "claude-sonnet-4-5", "max_tokens", 8,
                    "messages", List.of(Map.of("role", "user", "content", "hi"))), "x-api-key", key + "-wrong").body());
            answers.add(hub.admin("POST", "/api/v1/webhooks/" + hookId + "/test", null).body());
            hub.awaitLogRows(4);
            langfuse.await(1, r -> true);

            List<String> places = new ArrayList<>(answers);
            JsonNode page = TestHub.expect(hub.admin("GET", "/api/v1/logs?limit=200", null), 200);
            places.add(page.toString());
            for (JsonNode item : page.path("items")) {
                places.add(hub.admin("GET", "/api/v1/logs/" + item.path("requestId").asText(), null).body());
            }
            places.add(hub.admin("GET", "/api/v1/logs/export", null).body());
            places.add(hub.admin("GET", "/api/v1/providers", null).body());
            places.add(hub.admin("GET", "/api/v1/webhooks", null).body());
            places.add(hub.admin("GET", "/api/v1/audit?limit=200", null).body());
            places.add(hub.admin("GET", "/api/v1/breakers", null).body());
            places.add(hub.proxy().get("/metrics").body());
            places.add(hub.proxy().get("/health").body());
            places.add(Rows.query(hub.db(), "SELECT * FROM request_log").toString());
            places.add(Rows.query(hub.db(), "SELECT * FROM audit_log").toString());
            langfuse.received().forEach(r -> places.add(r.text()));
            synchronized (logged) {
                places.addAll(logged);
            }

            List<String> secrets = List.of(PROVIDER_SECRET, ECHO_SECRET, PROXY_PASSWORD, WEBHOOK_SECRET, LANGFUSE_SECRET,
                    HEADER_SECRET, key, TestHub.ADMIN_TOKEN, TestHub.MASTER_KEY);
            // the custom header still reaches the provider, and is sealed in the database
            assertThat(good.requests()).anySatisfy(r -> assertThat(r.header("x-org-token")).isEqualTo(HEADER_SECRET));
            places.add(Rows.query(hub.db(), "SELECT custom_headers::text AS h FROM providers").toString());
            for (String place : places) {
                for (String secret : secrets) {
                    assertThat(place).as("a planted secret leaked").doesNotContain(secret);
                }
            }
            // the traffic did what the scan relies on
            assertThat(String.join("\n", answers)).contains("invalid x-api-key");
            assertThat(langfuse.received().getFirst().header("authorization")).startsWith("Basic ");
            assertThat(hook.received()).isNotEmpty();
            assertThat(hook.received().getFirst().query()).contains("sign=");
        } finally {
            root.removeHandler(capture);
            root.setLevel(before);
        }
    }
}
