package dev.cch.protocol.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.ClientProtocol;
import dev.cch.protocol.ProviderType;
import dev.cch.protocol.sse.SseEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StreamConversionTest {
    final ObjectMapper mapper = new ObjectMapper();

    @Test
    void toolCallArgumentsStreamAsChatToolCallDeltas() throws Exception {
        List<SseEvent> out = translate(ClientProtocol.OPENAI_CHAT, ProviderType.CLAUDE, new Converter.ResponseContext("gpt-4.1"),
                anthropic("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"usage\":{\"input_tokens\":5,\"output_tokens\":1}}}"),
                anthropic("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"f\",\"input\":{}}}"),
                anthropic("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"a\\\":\"}}"),
                anthropic("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"1}\"}}"),
                anthropic("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"),
                anthropic("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\"},\"usage\":{\"output_tokens\":9}}"),
                anthropic("message_stop", "{\"type\":\"message_stop\"}"));
        List<JsonNode> toolDeltas = new ArrayList<>();
        for (SseEvent e : out) {
            if (!e.data().equals("[DONE]")) {
                JsonNode tc = mapper.readTree(e.data()).path("choices").path(0).path("delta").path("tool_calls");
                if (tc.isArray()) {
                    toolDeltas.add(tc.get(0));
                }
            }
        }
        assertThat(toolDeltas).hasSize(3);
        assertThat(toolDeltas.get(0).path("index").asInt()).isZero();
        assertThat(toolDeltas.get(0).path("id").asText()).isEqualTo("toolu_1");
        assertThat(toolDeltas.get(0).path("type").asText()).isEqualTo("function");
        assertThat(toolDeltas.get(0).path("function").path("name").asText()).isEqualTo("f");
        assertThat(toolDeltas.get(1).has("id")).isFalse();
        assertThat(toolDeltas.get(1).path("function").path("arguments").asText()
                + toolDeltas.get(2).path("function").path("arguments").asText()).isEqualTo("{\"a\":1}");
        assertThat(out.getLast().data()).isEqualTo("[DONE]");
    }

    @Test
    void parallelChatToolCallsBecomeConsecutiveAnthropicBlocks() throws Exception {
        List<SseEvent> out = translate(ClientProtocol.ANTHROPIC, ProviderType.OPENAI_COMPATIBLE, new Converter.ResponseContext("claude"),
                chat("{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hi\"}}]}"),
                chat("{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]}}]}"),
                chat("{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,\"id\":\"call_b\",\"type\":\"function\",\"function\":{\"name\":\"g\",\"arguments\":\"\"}}]}}]}"),
                chat("{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"{\\\"x\\\":2}\"}}]}}]}"),
                chat("{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}"),
                chat("{\"id\":\"c1\",\"choices\":[],\"usage\":{\"prompt_tokens\":30,\"completion_tokens\":7,\"prompt_tokens_details\":{\"cached_tokens\":10}}}"),
                chat("[DONE]"));
        List<String> shape = new ArrayList<>();
        for (SseEvent e : out) {
            JsonNode n = mapper.readTree(e.data());
            String detail = switch (e.event()) {
                case "content_block_start" -> n.path("index") + ":" + n.path("content_block").path("type").asText()
                        + n.path("content_block").path("id").asText("");
                case "content_block_delta", "content_block_stop" -> n.path("index").asText();
                case "message_delta" -> n.path("delta").path("stop_reason").asText() + " in=" + n.path("usage").path("input_tokens")
                        + " read=" + n.path("usage").path("cache_read_input_tokens");
                default -> "";
            };
            shape.add(e.event() + " " + detail);
        }
        assertThat(shape).containsExactly("message_start ", "content_block_start 0:text", "content_block_delta 0",
                "content_block_stop 0", "content_block_start 1:tool_usecall_a", "content_block_delta 1",
                "content_block_stop 1", "content_block_start 2:tool_usecall_b", "content_block_delta 2",
                "content_block_stop 2", "message_delta tool_use in=20 read=10", "message_stop ");
    }

    @Test
    void chatClientWithoutIncludeUsageGetsNoUsageChunk() {
        List<SseEvent> out = translate(ClientProtocol.OPENAI_CHAT, ProviderType.CLAUDE,
                new Converter.ResponseContext("gpt", Map.of(), false),
                anthropic("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"usage\":{\"input_tokens\":5}}}"),
                anthropic("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":9}}"),
                anthropic("message_stop", "{\"type\":\"message_stop\"}"));
        assertThat(out).noneMatch(e -> e.data().contains("\"usage\""));
        assertThat(out.getLast().data()).isEqualTo("[DONE]");
    }

    @Test
    void geminiStreamEndsAtTheEndOfTheUpstreamStream() {
        Converter c = Conversions.converter(ClientProtocol.ANTHROPIC, ProviderType.GEMINI_CLI).orElseThrow();
        StreamTranslator t = c.stream(new Converter.ResponseContext("claude"));
        List<SseEvent> out = new ArrayList<>();
        t.onEvent(SseEvent.of(null, "{\"response\":{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hi\"}],\"role\":\"model\"},"
                + "\"finishReason\":\"STOP\"}],\"usageMetadata\":{\"promptTokenCount\":12,\"cachedContentTokenCount\":4,"
                + "\"candidatesTokenCount\":2,\"thoughtsTokenCount\":3}}}"), out::add);
        assertThat(out).extracting(SseEvent::event).doesNotContain("message_stop");
        t.onEnd(out::add);
        assertThat(out).extracting(SseEvent::event).endsWith("message_delta", "message_stop");
        assertThat(out.get(out.size() - 2).data()).contains("\"input_tokens\":8", "\"cache_read_input_tokens\":4",
                "\"output_tokens\":5");
    }

    private List<SseEvent> translate(ClientProtocol client, ProviderType provider, Converter.ResponseContext ctx,
                                     SseEvent... events) {
        StreamTranslator t = Conversions.converter(client, provider).orElseThrow().stream(ctx);
        List<SseEvent> out = new ArrayList<>();
        for (SseEvent e : events) {
            t.onEvent(e, out::add);
        }
        t.onEnd(out::add);
        return out;
    }

    private static SseEvent anthropic(String event, String data) {
        return SseEvent.of(event, data);
    }

    private static SseEvent chat(String data) {
        return SseEvent.of(null, data);
    }
}
