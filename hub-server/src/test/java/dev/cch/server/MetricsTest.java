package dev.cch.server;

import dev.cch.server.testing.Http;
import dev.cch.server.testing.TestHub;
import dev.cch.testkit.Behaviour;
import dev.cch.testkit.FakeUpstream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /metrics}: Prometheus text with the hub's request, error, breaker, limit and queue metrics. */
class MetricsTest {
    static TestHub hub;
    static FakeUpstream broken;
    static FakeUpstream healthy;

    @BeforeAll
    static void start() {
        broken = FakeUpstream.start("m-broken");
        healthy = FakeUpstream.start("m-healthy");
        hub = TestHub.start(Map.of("hub.failover.delay.ms", "0"));
        hub.createProvider("m-broken", "claude", broken.baseUrl(), p -> {
            p.put("priority", 0);
            p.put("maxRetryAttempts", 1);
            p.put("breaker", Map.of("failureThreshold", 1));
            return p;
        });
        hub.createProvider("m-healthy", "claude", healthy.baseUrl(), p -> {
            p.put("priority", 1);
            return p;
        });
    }

    @AfterAll
    static void stop() {
        hub.close();
        broken.close();
        healthy.close();
    }

    static double value(String text, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.eE+-]+)$", Pattern.MULTILINE).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    @Test
    void withATokenConfiguredMetricsAnswerOnlyScrapersThatSendIt() {
        try (TestHub guarded = TestHub.start(Map.of("hub.metrics.token", "scrape-0123456789"))) {
            assertThat(guarded.proxy().get("/metrics").status()).isEqualTo(401);
            assertThat(guarded.proxy().get("/metrics", "authorization", "Bearer wrong").status()).isEqualTo(401);
            Http.Answer ok = guarded.proxy().get("/metrics", "authorization", "Bearer scrape-0123456789");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.body()).contains("cch_");
        }
        assertThat(hub.proxy().get("/metrics").status()).as("open when no token is set").isEqualTo(200);
    }

    @Test
    void requestsErrorsBreakersRejectionsAndQueuesAreExposed() {
        String key = hub.createKey(Map.of("userId", hub.createUser("metered"), "name", "metered", "limits", Map.of("rpm", 2)));
        Map<String, Object> body = Map.of("model", "claude-sonnet-4-5", "max_tokens", 8,
                "messages", List.of(Map.of("role", "user", "content", "hi")));
        broken.enqueue(Behaviour.status(503));
        healthy.enqueue(Behaviour.ok());
        healthy.enqueue(Behaviour.ok());
        for (int i = 0; i < 3; i++) {
            hub.proxy().post("/v1/messages", body, "x-api-key", key, "anthropic-version", "2023-06-01");
        }

        Http.Answer a = hub.proxy().get("/metrics");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.header("content-type")).startsWith("text/plain");
        String m = a.body();
        assertThat(value(m, "cch_requests_total{endpoint=\"messages\",provider=\"m-healthy\",status=\"200\"}")).isEqualTo(2.0);
        assertThat(value(m, "cch_requests_total{endpoint=\"messages\",provider=\"none\",status=\"429\"}")).isEqualTo(1.0);
        assertThat(value(m, "cch_upstream_errors_total{kind=\"UPSTREAM_5XX\",provider=\"m-broken\"}")).isEqualTo(1.0);
        assertThat(value(m, "cch_rejections_total{limit=\"rpm\",reason=\"rate_limit\"}")).isEqualTo(1.0);
        assertThat(value(m, "cch_breaker_state{provider=\"m-broken\"}")).isEqualTo(2.0);
        assertThat(m).contains("cch_request_duration_seconds_bucket{endpoint=\"messages\",provider=\"m-healthy\",status=\"200\",le=");
        assertThat(value(m, "cch_request_duration_seconds_count{endpoint=\"messages\",provider=\"m-healthy\",status=\"200\"}"))
                .isEqualTo(2.0);
        assertThat(value(m, "cch_tokens_total{model=\"claude-sonnet-4-5\",provider=\"m-healthy\",type=\"input\"}")).isPositive();
        assertThat(value(m, "cch_log_queue_depth")).isGreaterThanOrEqualTo(0.0);
        assertThat(value(m, "cch_active_requests")).isEqualTo(0.0);
        assertThat(m).contains("jvm_memory_used_bytes");
        assertThat(m).doesNotContain(key).doesNotContain("sk-upstream-");

        // an admin reset closes the breaker in every view, the gauge included (it used to stay at 2)
        long broken = hub.db().number("SELECT id FROM providers WHERE name = 'm-broken'");
        assertThat(hub.admin("POST", "/api/v1/breakers/" + broken + "/reset", null).status()).isLessThan(300);
        org.awaitility.Awaitility.await("the gauge follows the reset").atMost(java.time.Duration.ofSeconds(10))
                .pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> value(hub.proxy().get("/metrics").body(), "cch_breaker_state{provider=\"m-broken\"}") == 0.0);
    }
}
