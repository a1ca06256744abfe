package dev.cch.server.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.ClientProtocol;
import dev.cch.protocol.ProviderType;
import dev.cch.protocol.sse.SseEvent;
import dev.cch.protocol.sse.SseFramer;
import dev.cch.server.testing.Http;
import dev.cch.server.testing.TestHub;
import dev.cch.testkit.FakeUpstream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.InputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every client protocol served by every provider type, streaming and not, through the hub and the fake upstream:
 * the cells of the README's compatibility table. The client gets the upstream's answer in its own protocol, and
 * the request is metered and priced whatever the protocols.
 */
class ProtocolMatrixTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static TestHub hub;
    static FakeUpstream upstream;
    static final Map<ProviderType, String> keys = new EnumMap<>(ProviderType.class);

    @BeforeAll
    static void start() {
        upstream = FakeUpstream.start("matrix");
        hub = TestHub.start(Map.of("hub.failover.delay.ms", "0"));
        for (ProviderType t : ProviderType.values()) {
            String group = "m-" + t.wireName();
            hub.createProvider(group, t.wireName(), upstream.baseUrl(), p -> {
                p.put("groupTags", List.of(group));
                return p;
            });
            keys.put(t, hub.createKey(Map.of("userId", hub.createUser(Map.of("name", "u-" + group, "providerGroup", group)),
                    "name", group)));
        }
    }

    @AfterAll
    static void stop() {
        hub.close();
        upstream.close();
    }

    static Stream<Arguments> cells() {
        List<Arguments> out = new ArrayList<>();
        for (ClientProtocol c : ClientProtocol.values()) {
            for (ProviderType p : ProviderType.values()) {
                out.add(Arguments.of(c, p, false));
                out.add(Arguments.of(c, p, true));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} client, {1} provider, stream={2}")
    @MethodSource("cells")
    void clientGetsTheAnswerInItsOwnProtocol(ClientProtocol client, ProviderType provider, boolean stream) throws Exception {
        String key = keys.get(provider);
        String requestId;
        String text;
        if (!stream) {
            Http.Answer a = hub.proxy().post(path(client, false), body(client, false), auth(client, key));
            assertThat(a.status()).as(a.body()).isEqualTo(200);
            text = textOf(client, a.json());
            requestId = a.header("x-cch-request-id");
        } else {
            HttpResponse<InputStream> r = hub.proxy().stream(path(client, true), body(client, true), auth(client, key));
            String sse = new String(r.body().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(r.statusCode()).as(sse).isEqualTo(200);
            text = textOfStream(client, sse);
            requestId = r.headers().firstValue("x-cch-request-id").orElseThrow();
        }
        assertThat(text).isEqualTo("Hello from matrix.");
        Map<String, Object> row = hub.logRow(requestId);
        assertThat(row.get("provider_type")).isEqualTo(provider.wireName());
        assertThat(row.get("client_protocol")).isEqualTo(client.wireName());
        assertThat((Long) row.get("input_tokens")).as(row.toString()).isPositive();
        assertThat((Long) row.get("output_tokens")).as(row.toString()).isPositive();
        assertThat((BigDecimal) row.get("cost_usd")).isPositive();
        assertThat(row.get("error_kind")).isNull();
    }

    static String path(ClientProtocol c, boolean stream) {
        return switch (c) {
            case ANTHROPIC -> "/v1/messages";
            case OPENAI_CHAT -> "/v1/chat/completions";
            case OPENAI_RESPONSES -> "/v1/responses";
            case GEMINI -> "/v1beta/models/claude-sonnet-4-5:" + (stream ? "streamGenerateContent?alt=sse" : "generateContent");
        };
    }

    static String[] auth(ClientProtocol c, String key) {
        return switch (c) {
            case ANTHROPIC -> new String[] {"x-api-key", key, "anthropic-version", "2023-06-01"};
            case GEMINI -> new String[] {"x-goog-api-key", key};
            default -> new String[] {"authorization", "Bearer " + key};
        };
    }

    static String body(ClientProtocol c, boolean stream) {
        return switch (c) {
            case ANTHROPIC -> "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"stream\":" + stream
                    + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
            case OPENAI_CHAT -> "{\"model\":\"claude-sonnet-4-5\",\"stream\":" + stream
                    + ",\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"},{\"role\":\"user\",\"content\":\"hi\"}]}";
            case OPENAI_RESPONSES -> "{\"model\":\"claude-sonnet-4-5\",\"stream\":" + stream + ",\"input\":\"hi\"}";
            case GEMINI -> "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}]}";
        };
    }

    static String textOf(ClientProtocol c, JsonNode n) {
        StringBuilder sb = new StringBuilder();
        switch (c) {
            case ANTHROPIC -> n.path("content").forEach(b -> sb.append(b.path("text").asText("")));
            case OPENAI_CHAT -> sb.append(n.path("choices").get(0).path("message").path("content").asText());
            case OPENAI_RESPONSES -> n.path("output").forEach(item -> item.path("content")
                    .forEach(part -> sb.append(part.path("text").asText(""))));
            case GEMINI -> n.path("candidates").get(0).path("content").path("parts").forEach(p -> sb.append(p.path("text").asText("")));
        }
        return sb.toString();
    }

    static String textOfStream(ClientProtocol c, String sse) throws Exception {
        StringBuilder sb = new StringBuilder();
        List<SseEvent> events = new ArrayList<>();
        byte[] b = sse.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        new SseFramer().feed(b, 0, b.length, f -> events.add(SseEvent.parse(f)));
        for (SseEvent e : events) {
            if (e.data() == null || e.data().equals("[DONE]")) {
                continue;
            }
            JsonNode n = JSON.readTree(e.data());
            switch (c) {
                case ANTHROPIC -> {
                    if ("text_delta".equals(n.path("delta").path("type").asText())) {
                        sb.append(n.path("delta").path("text").asText());
                    }
                }
                case OPENAI_CHAT -> {
                    if (n.path("choices").size() > 0) {
                        sb.append(n.path("choices").get(0).path("delta").path("content").asText(""));
                    }
                }
                case OPENAI_RESPONSES -> {
                    if ("response.output_text.delta".equals(n.path("type").asText())) {
                        sb.append(n.path("delta").asText());
                    }
                }
                case GEMINI -> n.path("candidates").forEach(cand -> cand.path("content").path("parts")
                        .forEach(p -> {
                            if (!p.path("thought").asBoolean(false)) {
                                sb.append(p.path("text").asText(""));
                            }
                        }));
            }
        }
        return sb.toString();
    }
}
