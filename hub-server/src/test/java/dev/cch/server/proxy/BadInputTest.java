package dev.cch.server.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.server.testing.Http;
import dev.cch.server.testing.TestHub;
import dev.cch.testkit.FakeUpstream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies the hub must refuse with a clear 4xx in the caller's protocol, never a 5xx: broken JSON, wrong field
 * types, no model, unknown paths, bodies over the limit (also after decompression), bad UTF-8, unknown encodings.
 * Refused requests with a valid key are still logged, with who refused them.
 */
class BadInputTest {
    static final int LIMIT = 64 * 1024;
    static TestHub hub;
    static FakeUpstream upstream;
    static String key;
    static final String GOOD = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":16,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @BeforeAll
    static void start() {
        upstream = FakeUpstream.start("bad-input");
        hub = TestHub.start(Map.of("hub.proxy.max-body-bytes", Integer.toString(LIMIT), "hub.failover.delay.ms", "0"));
        hub.createProvider("bad-input-claude", "claude", upstream.baseUrl());
        key = hub.userWithKey("bad-input-user");
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

    static Http.Answer post(String path, Object body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "authorization";
        all[1] = "Bearer " + key;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return hub.proxy().post(path, body, all);
    }

    /** The error message, read from the protocol's own error shape (which also proves the shape). */
    static String errorIn(String protocol, Http.Answer a) {
        JsonNode e = a.json().path("error");
        switch (protocol) {
            case "anthropic" -> {
                assertThat(a.json().path("type").asText()).isEqualTo("error");
                assertThat(e.path("type").asText()).isNotEmpty();
            }
            case "openai" -> assertThat(e.has("param")).as("OpenAI errors carry param").isTrue();
            case "gemini" -> assertThat(e.path("code").asInt()).isEqualTo(a.status());
            default -> throw new IllegalArgumentException(protocol);
        }
        return e.path("message").asText();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "anthropic|/v1/messages|{\"model\":\"claude-sonnet-4-5\",\"messages\":[|not valid JSON",
            "anthropic|/v1/messages|{\"model\":5,\"messages\":[]}|\"model\" must be a string",
            "anthropic|/v1/messages|{\"model\":\"claude-sonnet-4-5\",\"messages\":\"x\"}|\"messages\" must be an array",
            "anthropic|/v1/messages|{\"model\":\"claude-sonnet-4-5\",\"stream\":\"yes\",\"messages\":[]}|\"stream\" must be true or false",
            "anthropic|/v1/messages|{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":\"64\",\"messages\":[]}|\"max_tokens\" must be an integer",
            "anthropic|/v1/messages|{\"model\":\"claude-sonnet-4-5\",\"messages\":[{\"role\":\"user\",\"content\":5}]}|\"messages[0].content\"",
            "anthropic|/v1/messages|{\"model\":\"claude-sonnet-4-5\"}|\"messages\" is required",
            "anthropic|/v1/messages/count_tokens|{\"messages\":[]}|names no model",
            "anthropic|/v1/messages|[1,2]|must be a JSON object",
            "openai|/v1/chat/completions|{\"model\":\"gpt-5.1\",\"messages\":[\"hi\"]}|\"messages[0]\" must be an object",
            "openai|/v1/chat/completions|{\"model\":\"gpt-5.1\",\"messages\":[],\"n\":1e400}|\"n\" must be an integer",
            "openai|/v1/chat/completions|{\"model\":\"gpt-5.1\",\"messages\":[],\"temperature\":\"hot\"}|\"temperature\" must be a number",
            "openai|/v1/responses|{\"model\":\"gpt-5.1\",\"input\":5}|\"input\" must be a string or an array",
            "openai|/v1/responses|{\"input\":\"hi\"}|names no model",
            "gemini|/v1beta/models/gemini-2.5-flash:generateContent|{\"contents\":\"x\"}|\"contents\" must be an array",
            "gemini|/v1beta/models/gemini-2.5-flash:countTokens|{\"contents\":[{\"parts\":{}}]}|\"contents[0].parts\" must be an array",
            "gemini|/v1beta/models/gemini-2.5-flash:streamGenerateContent|{\"contents\":[|not valid JSON",
            "gemini|/v1beta/models/gemini-2.5-flash:generateContent|{\"request\":{\"contents\":7}}|\"request.contents\" must be an array",
    })
    void badBodiesAre400InTheCallersProtocolAndLogged(String protocol, String path, String body, String expected) {
        Http.Answer a = post(path, body);
        assertThat(a.status()).as(a.body()).isEqualTo(400);
        assertThat(errorIn(protocol, a)).contains(expected);
        Map<String, Object> row = hub.logRow(a.header("x-cch-request-id"));
        assertThat(row.get("status_code")).isEqualTo(400);
        assertThat(row.get("blocked_by")).isEqualTo("invalid_request");
        assertThat(row.get("key_id")).isNotNull();
        assertThat(upstream.requests()).isEmpty();
    }

    @Test
    void unauthenticatedBadBodiesAreRefusedByAuthFirst() {
        Http.Answer a = hub.proxy().post("/v1/messages", "{\"model\":", "x-api-key", "sk-not-a-key");
        assertThat(a.status()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "anthropic|/v1/nothing-here", "openai|/v1/chat/nothing", "gemini|/v1beta/models/gemini-2.5-flash:explode",
            "gemini|/v1beta/models/gemini%25zz:generateContent"})
    void unknownEndpointsAre404InTheShapeThePathSuggests(String protocol, String path) {
        Http.Answer a = post(path, GOOD, protocol.equals("anthropic") ? new String[]{"anthropic-version", "2023-06-01"} : new String[0]);
        assertThat(a.status()).isEqualTo(404);
        assertThat(errorIn(protocol, a)).isNotEmpty();
    }

    @Test
    void bodiesOverTheLimitAre413InTheCallersProtocolWhetherDeclaredOrChunked() throws Exception {
        String big = GOOD.replace("\"hi\"", "\"" + "x".repeat(LIMIT) + "\"");
        Http.Answer declared = post("/v1/chat/completions", big.replace("claude-sonnet-4-5", "gpt-5.1"));
        assertThat(declared.status()).isEqualTo(413);
        assertThat(errorIn("openai", declared)).contains(Integer.toString(LIMIT));
        assertThat(hub.logRow(declared.header("x-cch-request-id")).get("blocked_by")).isEqualTo("invalid_request");

        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(hub.baseUrl() + "/v1beta/models/gemini-2.5-flash:generateContent"))
                .header("x-goog-api-key", key)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        big.getBytes(StandardCharsets.UTF_8)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("\"code\":413");
        assertThat(upstream.requests()).isEmpty();
    }

    @Test
    void invalidUtf8Is400() {
        byte[] body = GOOD.replace("hi", "h\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        Http.Answer a = post("/v1/messages", body);
        assertThat(a.status()).isEqualTo(400);
        assertThat(errorIn("anthropic", a)).contains("UTF-8");
    }

    @ParameterizedTest
    @CsvSource({"gzip", "deflate", "raw-deflate", "gzip-then-deflate", "br"})
    void compressedBodiesAreDecodedAndForwardedPlain(String coding) throws IOException {
        byte[] plain = GOOD.getBytes(StandardCharsets.UTF_8);
        byte[] body = switch (coding) {
            case "gzip" -> gzip(plain);
            case "deflate" -> deflate(plain, false);
            case "raw-deflate" -> deflate(plain, true);
            case "br" -> brotli("good.json.br");
            default -> deflate(gzip(plain), false);
        };
        String header = switch (coding) {
            case "gzip" -> "gzip";
            case "gzip-then-deflate" -> "gzip, deflate";
            case "br" -> "br";
            default -> "deflate";
        };
        Http.Answer a = post("/v1/messages", body, "content-encoding", header);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(upstream.lastRequest().bodyText()).isEqualTo(GOOD);
        assertThat(upstream.lastRequest().header("content-encoding")).isNull();
    }

    @Test
    void aDecompressionBombStopsAtTheLimitWith413() throws IOException {
        byte[] bomb = gzip(("{\"model\":\"claude-sonnet-4-5\",\"messages\":[],\"pad\":\"" + "0".repeat(20 * LIMIT) + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(bomb.length).isLessThan(LIMIT / 4);
        Http.Answer a = post("/v1/messages", bomb, "content-encoding", "gzip");
        assertThat(a.status()).isEqualTo(413);
        assertThat(errorIn("anthropic", a)).contains("larger than");
    }

    @Test
    void aBrotliBombStopsAtTheLimitWith413() throws IOException {
        byte[] bomb = brotli("bomb.json.br");
        assertThat(bomb.length).isLessThan(LIMIT / 4);
        Http.Answer a = post("/v1/messages", bomb, "content-encoding", "br");
        assertThat(a.status()).isEqualTo(413);
        assertThat(errorIn("anthropic", a)).contains("larger than");
    }

    /** A brotli body made with Node.js (the JVM has no brotli encoder): see src/test/resources/brotli/README.md. */
    static byte[] brotli(String name) throws IOException {
        try (var in = BadInputTest.class.getResourceAsStream("/brotli/" + name)) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @CsvSource({"compress", "zstd", "x-unknown"})
    void unknownContentEncodingsAre415(String coding) {
        Http.Answer a = post("/v1/messages", GOOD, "content-encoding", coding);
        assertThat(a.status()).isEqualTo(415);
        assertThat(errorIn("anthropic", a)).contains(coding);
        assertThat(upstream.requests()).isEmpty();
    }

    @Test
    void aCorruptGzipBodyIs400() {
        Http.Answer a = post("/v1/messages", new byte[]{0x1f, (byte) 0x8b, 8, 0, 1, 2, 3}, "content-encoding", "gzip");
        assertThat(a.status()).isEqualTo(400);
        assertThat(errorIn("anthropic", a)).contains("decompressed");
    }

    @Test
    void tokenCountingAnswersJsonEvenWhenTheBodyAsksForAStream() {
        Http.Answer a = post("/v1/messages/count_tokens", GOOD.replace("\"max_tokens\":16", "\"stream\":true"));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.json().path("input_tokens").asLong()).isPositive();
    }

    static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(b);
        }
        return out.toByteArray();
    }

    static byte[] deflate(byte[] b, boolean raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
            z.write(b);
        }
        return out.toByteArray();
    }
}
