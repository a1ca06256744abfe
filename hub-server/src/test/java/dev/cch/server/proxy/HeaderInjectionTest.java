package dev.cch.server.proxy;

import dev.cch.server.testing.Http;
import dev.cch.server.testing.RawHttp;
import dev.cch.server.testing.TestHub;
import dev.cch.testkit.FakeUpstream;
import dev.cch.testkit.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing a client sends can add a header upstream or in the answer: raw bytes and control characters in header
 * values, model names and session ids are refused or dropped, and oversized headers are a 4xx from the server.
 */
class HeaderInjectionTest {
    static TestHub hub;
    static FakeUpstream upstream;
    static String key;
    static String geminiKey;
    static final String BODY = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":16,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @BeforeAll
    static void start() {
        upstream = FakeUpstream.start("headers");
        hub = TestHub.start(Map.of("server.protocols.http_1_1.max-headers-size", "8192"));
        hub.createProvider("headers-claude", "claude", upstream.baseUrl());
        hub.createProvider("headers-gemini", "gemini", upstream.baseUrl(), p -> {
            p.put("groupTags", List.of("g"));
            return p;
        });
        key = hub.userWithKey("headers-user");
        geminiKey = hub.createKey(Map.of("userId", hub.createUser(Map.of("name", "headers-g", "providerGroup", "g")), "name", "g"));
    }

    @AfterAll
    static void stop() {
        hub.close();
        upstream.close();
    }

    @BeforeEach
    void reset() {
        upstream.reset();
    }

    static String head(String path, String... extra) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nx-api-key: " + key
                + (extra.length == 0 ? "" : "\r\n" + String.join("\r\n", extra));
    }

    static void assertNoInjectedHeader(Map<String, List<String>> headers) {
        assertThat(headers.keySet()).noneMatch(n -> n.contains("evil"));
        headers.values().forEach(vs -> vs.forEach(v -> assertThat(v).doesNotContain("\r", "\n").matches("[\\t\\x20-\\x7e]*")));
    }

    @Test
    void headerValuesWithRawBytesAreNotForwardedButTheRestIs() {
        RawHttp.Answer a = RawHttp.send(hub.server().port(),
                head("/v1/messages", "x-trace: caf\u00e9-\u00ff", "x-plain: fine"), BODY.getBytes(StandardCharsets.UTF_8));
        assertThat(a.status()).isEqualTo(200);
        RecordedRequest up = upstream.lastRequest();
        assertThat(up.header("x-plain")).isEqualTo("fine");
        assertThat(up.header("x-trace")).isNull();
        assertNoInjectedHeader(up.headers());
    }

    @Test
    void aModelNameWithLineBreaksIs400AndNeverReachesAHeaderOrPath() {
        Http.Answer a = hub.proxy().post("/v1/messages", BODY.replace("claude-sonnet-4-5", "claude-sonnet-4-5\\r\\nx-evil: 1"),
                "x-api-key", key);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().path("error").path("message").asText()).contains("control characters");
        assertThat(a.headers().keySet()).noneMatch(n -> n.contains("evil"));

        Http.Answer gemini = hub.proxy().post("/v1beta/models/gemini-2.5-flash%0D%0Ax-evil:%201:generateContent",
                "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}]}", "x-goog-api-key", key);
        assertThat(gemini.status()).isEqualTo(400);
        assertThat(gemini.json().path("error").path("status").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(upstream.requests()).isEmpty();
    }

    @Test
    void aGeminiModelCannotAddPathSegmentsOrAQueryUpstream() {
        Http.Answer a = hub.proxy().post("/v1beta/models/gemini-2.5-flash%3Fkey=stolen%23:generateContent",
                "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}]}", "x-goog-api-key", geminiKey);
        // a model naming a query or a fragment is refused before any provider is called (ModelPathsTest has more)
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().path("error").path("status").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(upstream.requests()).isEmpty();
    }

    @Test
    void sessionIdsWithLineBreaksDoNotBecomeHeaders() {
        String body = BODY.replace("\"max_tokens\"", "\"metadata\":{\"user_id\":\"user_x_session_a\\r\\nx-evil: 1\"},\"max_tokens\"");
        Http.Answer a = hub.proxy().post("/v1/messages", body, "x-api-key", key, "x-session-id", "s-1");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.headers().keySet()).noneMatch(n -> n.contains("evil"));
        assertNoInjectedHeader(upstream.lastRequest().headers());
    }

    @Test
    void providerCustomHeadersWithControlCharactersAreRefusedNamingTheField() {
        Http.Answer a = hub.admin("POST", "/api/v1/providers", Map.of("name", "evil-headers", "type", "claude",
                "baseUrl", upstream.baseUrl(), "secret", "sk-x-0123456789",
                "customHeaders", Map.of("x-team", "a\r\nx-evil: 1")));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body()).contains("customHeaders.x-team");
    }

    @Test
    void oversizedHeadersAreA4xxAndHeadersUnderTheLimitPass() {
        RawHttp.Answer big = RawHttp.send(hub.server().port(), head("/v1/messages", "x-big: " + "a".repeat(10_000)),
                BODY.getBytes(StandardCharsets.UTF_8));
        assertThat(big.status()).as("Helidon refuses an oversized header block with 400 before routing").isEqualTo(400);
        RawHttp.Answer fits = RawHttp.send(hub.server().port(), head("/v1/messages", "x-big: " + "a".repeat(6_000)),
                BODY.getBytes(StandardCharsets.UTF_8));
        assertThat(fits.status()).isEqualTo(200);
        assertThat(upstream.lastRequest().header("x-big")).hasSize(6_000);
    }
}
