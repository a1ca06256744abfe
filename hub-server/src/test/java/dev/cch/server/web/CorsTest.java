package dev.cch.server.web;

import dev.cch.server.testing.Http;
import dev.cch.server.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** CORS: only configured origins get headers, preflights of the proxy and admin API are answered, none without config. */
class CorsTest {
    static final String CONSOLE = "https://console.example.com";
    static TestHub hub;
    static TestHub plain;

    @BeforeAll
    static void start() {
        hub = TestHub.start(Map.of("hub.cors.allowed-origins", CONSOLE + ", https://other.example.com"));
        plain = TestHub.start();
    }

    @AfterAll
    static void stop() {
        hub.close();
        plain.close();
    }

    static Http.Answer preflight(TestHub h, String path, String origin) {
        return h.proxy().send("OPTIONS", path, null, "origin", origin, "access-control-request-method", "POST",
                "access-control-request-headers", "x-api-key, content-type, anthropic-version");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/messages", "/v1/chat/completions", "/v1beta/models/gemini-2.5-flash:generateContent",
            "/api/v1/users", "/api/v1/providers/1"})
    void preflightsFromAnAllowedOriginAreAnswered(String path) {
        Http.Answer a = preflight(hub, path, CONSOLE);
        assertThat(a.status()).isEqualTo(204);
        assertThat(a.header("access-control-allow-origin")).isEqualTo(CONSOLE);
        assertThat(a.header("access-control-allow-methods")).contains("POST", "PUT", "DELETE");
        assertThat(a.header("access-control-allow-headers")).contains("x-api-key", "anthropic-version");
        assertThat(a.header("access-control-allow-credentials")).isNull();
    }

    @Test
    void otherOriginsGetNoCorsHeadersAndTheirPreflightIsRefused() {
        Http.Answer pre = preflight(hub, "/v1/messages", "https://evil.example.net");
        assertThat(pre.status()).isEqualTo(403);
        assertThat(pre.header("access-control-allow-origin")).isNull();
        Http.Answer call = hub.admin("GET", "/api/v1/users", null);
        assertThat(call.header("access-control-allow-origin")).as("no Origin, no CORS").isNull();
    }

    @Test
    void actualRequestsFromAnAllowedOriginCarryTheHeadersEvenOnErrors() {
        Http.Answer admin = hub.proxy().get("/api/v1/users", "origin", "https://other.example.com",
                "authorization", "Bearer " + TestHub.ADMIN_TOKEN);
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.header("access-control-allow-origin")).isEqualTo("https://other.example.com");
        assertThat(admin.header("vary")).contains("Origin");

        Http.Answer refused = hub.proxy().post("/v1/messages", "{}", "origin", CONSOLE, "x-api-key", "sk-wrong");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("access-control-allow-origin")).isEqualTo(CONSOLE);
        assertThat(refused.header("access-control-expose-headers")).contains("x-cch-request-id");
    }

    @Test
    void withoutConfiguredOriginsThereIsNoCors() {
        Http.Answer pre = preflight(plain, "/v1/messages", CONSOLE);
        assertThat(pre.status()).isNotEqualTo(204);
        assertThat(pre.header("access-control-allow-origin")).isNull();
        Http.Answer call = plain.proxy().post("/v1/messages", "{}", "origin", CONSOLE, "x-api-key", "sk-wrong");
        assertThat(call.header("access-control-allow-origin")).isNull();
    }
}
