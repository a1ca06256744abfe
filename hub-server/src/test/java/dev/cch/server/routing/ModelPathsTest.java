package dev.cch.server.routing;

import dev.cch.server.testing.Http;
import dev.cch.server.testing.RawConnection;
import dev.cch.server.testing.TestHub;
import dev.cch.testkit.FakeUpstream;
import dev.cch.testkit.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No client byte can add a segment to the path a provider is called on: a Gemini provider takes the model as one URL
 * segment, and models with dot segments, escapes or their own slashes are refused in every protocol, encoded or raw,
 * before anything reaches the provider.
 */
class ModelPathsTest {
    static TestHub hub;
    static FakeUpstream gemini;
    static String key;

    @BeforeAll
    static void start() {
        gemini = FakeUpstream.start("model-paths");
        hub = TestHub.start(Map.of("hub.failover.delay.ms", "0"));
        hub.createProvider("model-paths-gemini", "gemini", gemini.baseUrl());
        key = hub.userWithKey("model-paths-user");
    }

    @AfterAll
    static void stop() {
        hub.close();
        gemini.close();
    }

    @BeforeEach
    void reset() {
        gemini.reset();
    }

    static Map<String, Object> geminiBody() {
        return Map.of("contents", List.of(Map.of("role", "user", "parts", List.of(Map.of("text", "hi")))));
    }

    static Map<String, Object> anthropicBody(String model) {
        return Map.of("model", model, "max_tokens", 8, "messages", List.of(Map.of("role", "user", "content", "hi")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x%2F..%2Fgemini-2.5-pro", "x%2F..%2F..%2Fv1internal", "%2E%2E", "x%2Fgemini-2.5-pro",
            "gemini-2.5-pro%5C..", "gemini-2.5-pro%3Falt%3Dsse", "gemini%252F..%252Fpro"})
    void encodedPathTricksInAGeminiUrlAreRefusedBeforeTheProvider(String model) {
        Http.Answer a = hub.proxy().post("/v1beta/models/" + model + ":generateContent", geminiBody(), "x-goog-api-key", key);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().path("error").path("status").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(gemini.requests()).isEmpty();
    }

    @Test
    void rawDotSegmentsAreResolvedBeforeRoutingSoTheProviderGetsExactlyTheModelTheHubBills() throws Exception {
        URI base = URI.create(hub.baseUrl());
        long before = hub.db().number("SELECT count(*) FROM request_log");
        long lastId = hub.db().number("SELECT coalesce(max(id), 0) FROM request_log");
        for (String path : List.of("/v1beta/models/x/../gemini-2.5-pro:generateContent",
                "/v1beta/models/x/../../v1internal:generateContent", "/v1beta/models/./gemini-2.5-pro:generateContent")) {
            try (RawConnection c = new RawConnection(base.getHost(), base.getPort())) {
                String body = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}]}";
                c.send("POST " + path + " HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\nx-goog-api-key: " + key
                        + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
                assertThat(c.readAnswer(10_000).status()).as(path).isIn(200, 404);
            }
        }
        // whatever was served went to the model's own path, and was logged (and priced) as that model
        assertThat(gemini.requests()).extracting(RecordedRequest::path)
                .allMatch("/v1beta/models/gemini-2.5-pro:generateContent"::equals);
        hub.awaitLogRows(before + gemini.requests().size());
        assertThat(hub.db().number("SELECT count(*) FROM request_log WHERE id > " + lastId
                + " AND status_code = 200 AND model <> 'gemini-2.5-pro'"))
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"x/../gemini-2.5-pro", "../../v1internal", "./gemini-2.5-pro", "gemini-2.5-pro\\..", "a%2Fb"})
    void pathTricksInABodyModelAreRefusedInTheCallersProtocol(String model) {
        Http.Answer a = hub.proxy().post("/v1/messages", anthropicBody(model), "x-api-key", key);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().path("error").path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(gemini.requests()).isEmpty();
    }

    @Test
    void aSlashedModelCannotBeSentToAGeminiProviderButItsModelsPrefixIsUnderstood() {
        assertThat(hub.proxy().post("/v1/messages", anthropicBody("vendor/gemini-2.5-pro"), "x-api-key", key).status())
                .isGreaterThanOrEqualTo(400);
        assertThat(gemini.requests()).isEmpty();

        assertThat(hub.proxy().post("/v1/messages", anthropicBody("models/gemini-2.5-pro"), "x-api-key", key).status())
                .isEqualTo(200);
        assertThat(gemini.requests()).extracting(RecordedRequest::path)
                .containsExactly("/v1beta/models/gemini-2.5-pro:generateContent");
    }
}
