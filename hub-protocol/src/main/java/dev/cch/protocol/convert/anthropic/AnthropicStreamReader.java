package dev.cch.protocol.convert.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.ClientProtocol;
import dev.cch.protocol.convert.common.Json;
import dev.cch.protocol.convert.common.Signatures;
import dev.cch.protocol.convert.common.UpstreamErrors;
import dev.cch.protocol.convert.dialect.StreamReader;
import dev.cch.protocol.convert.model.StreamEvent;
import dev.cch.protocol.convert.model.StreamEvent.BlockKind;
import dev.cch.protocol.sse.SseEvent;
import dev.cch.protocol.usage.Usage;
import dev.cch.protocol.usage.UsageExtractor;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Parses an Anthropic Messages stream. Blocks without a counterpart elsewhere (server tools) are skipped. */
public final class AnthropicStreamReader implements StreamReader {
    private final ObjectMapper mapper;
    private final Map<Integer, Integer> blocks = new HashMap<>();
    private int next;
    private Usage startUsage = Usage.ZERO;

    public AnthropicStreamReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void onEvent(SseEvent e, Consumer<StreamEvent> out) {
        if (e.data() == null) {
            return;
        }
        JsonNode n;
        try {
            n = mapper.readTree(e.data());
        } catch (IOException ex) {
            return;
        }
        String type = e.event() != null ? e.event() : Json.text(n, "type", "");
        switch (type) {
            case "message_start" -> {
                JsonNode msg = n.path("message");
                startUsage = UsageExtractor.anthropic(msg.path("usage"));
                out.accept(new StreamEvent.MessageStart(Json.text(msg, "id", "msg"), startUsage));
            }
            case "content_block_start" -> blockStart(n, out);
            case "content_block_delta" -> delta(n, out);
            case "content_block_stop" -> {
                Integer idx = blocks.get(n.path("index").asInt());
                if (idx != null) {
                    out.accept(new StreamEvent.BlockStop(idx));
                }
            }
            case "message_delta" -> {
                JsonNode u = n.path("usage");
                Usage end = UsageExtractor.anthropic(u);
                // message_delta counts are cumulative; fields it leaves out keep message_start's values
                Usage merged = new Usage(u.has("input_tokens") ? end.input() : startUsage.input(), end.output(),
                        u.has("cache_read_input_tokens") ? end.cacheRead() : startUsage.cacheRead(),
                        u.has("cache_creation_input_tokens") ? end.cacheWrite5m() : startUsage.cacheWrite5m(),
                        u.has("cache_creation_input_tokens") ? end.cacheWrite1h() : startUsage.cacheWrite1h(), 0);
                out.accept(new StreamEvent.MessageDelta(AnthropicStopReasons.read(Json.text(n.path("delta"), "stop_reason")),
                        Json.text(n.path("delta"), "stop_sequence"), merged));
            }
            case "message_stop" -> out.accept(new StreamEvent.MessageStop());
            case "error" -> out.accept(new StreamEvent.Failure(UpstreamErrors.anthropic(
                    Json.text(n.path("error"), "type"), Json.text(n.path("error"), "message"))));
            default -> { } // ping
        }
    }

    private void blockStart(JsonNode n, Consumer<StreamEvent> out) {
        JsonNode cb = n.path("content_block");
        BlockKind kind = switch (cb.path("type").asText()) {
            case "text" -> BlockKind.TEXT;
            case "thinking" -> BlockKind.THINKING;
            case "tool_use" -> BlockKind.TOOL_CALL;
            default -> null;
        };
        if (kind == null) {
            return;
        }
        int idx = next++;
        blocks.put(n.path("index").asInt(), idx);
        out.accept(new StreamEvent.BlockStart(idx, kind, Json.text(cb, "id"), Json.text(cb, "name")));
        String initial = Json.text(cb, kind == BlockKind.THINKING ? "thinking" : "text");
        if (initial != null && !initial.isEmpty()) {
            out.accept(kind == BlockKind.THINKING ? new StreamEvent.ThinkingDelta(idx, initial) : new StreamEvent.TextDelta(idx, initial));
        }
    }

    private void delta(JsonNode n, Consumer<StreamEvent> out) {
        Integer idx = blocks.get(n.path("index").asInt());
        if (idx == null) {
            return;
        }
        JsonNode d = n.path("delta");
        switch (d.path("type").asText()) {
            case "text_delta" -> out.accept(new StreamEvent.TextDelta(idx, d.path("text").asText("")));
            case "thinking_delta" -> out.accept(new StreamEvent.ThinkingDelta(idx, d.path("thinking").asText("")));
            case "signature_delta" -> out.accept(new StreamEvent.SignatureDelta(idx,
                    Signatures.fromProvider(ClientProtocol.ANTHROPIC, Json.text(d, "signature"))));
            case "input_json_delta" -> out.accept(new StreamEvent.ToolArgsDelta(idx, d.path("partial_json").asText("")));
            default -> { }
        }
    }

    @Override
    public void onEnd(Consumer<StreamEvent> out) {
        // a stream without message_stop was cut off; the client sees it cut off too
    }
}
