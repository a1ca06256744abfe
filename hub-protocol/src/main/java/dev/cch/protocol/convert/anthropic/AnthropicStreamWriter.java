package dev.cch.protocol.convert.anthropic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cch.protocol.ClientProtocol;
import dev.cch.protocol.convert.Converter.ResponseContext;
import dev.cch.protocol.convert.common.Hashes;
import dev.cch.protocol.convert.common.Json;
import dev.cch.protocol.convert.common.Signatures;
import dev.cch.protocol.convert.common.UsageJson;
import dev.cch.protocol.convert.dialect.StreamWriter;
import dev.cch.protocol.convert.model.StreamEvent;
import dev.cch.protocol.sse.SseEvent;
import dev.cch.protocol.usage.Usage;

import java.util.function.Consumer;

/**
 * Renders the Anthropic event sequence the SDKs expect: message_start, then content_block_start / delta / stop per
 * block with its index, message_delta with the stop reason and usage, message_stop.
 */
public final class AnthropicStreamWriter implements StreamWriter {
    private final ResponseContext ctx;
    private boolean started;
    private int open = -1;

    public AnthropicStreamWriter(ResponseContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void write(StreamEvent e, Consumer<SseEvent> out) {
        if (!(e instanceof StreamEvent.Failure) && !(e instanceof StreamEvent.MessageStart)) {
            ensureStarted("msg", out);
        }
        switch (e) {
            case StreamEvent.MessageStart s -> {
                if (!started) {
                    start(s.id(), s.usage(), out);
                }
            }
            case StreamEvent.BlockStart b -> {
                ObjectNode cb = Json.object();
                switch (b.kind()) {
                    case TEXT -> cb.put("type", "text").put("text", "");
                    case THINKING -> cb.put("type", "thinking").put("thinking", "");
                    case TOOL_CALL -> {
                        cb.put("type", "tool_use").put("id", b.toolId()).put("name", ctx.toolName(b.toolName()));
                        cb.putObject("input");
                    }
                }
                open = b.index();
                ObjectNode n = Json.object().put("type", "content_block_start").put("index", b.index());
                n.set("content_block", cb);
                emit("content_block_start", n, out);
            }
            case StreamEvent.TextDelta d -> delta(d.index(), Json.object().put("type", "text_delta").put("text", d.text()), out);
            case StreamEvent.ThinkingDelta d -> delta(d.index(),
                    Json.object().put("type", "thinking_delta").put("thinking", d.text()), out);
            case StreamEvent.SignatureDelta d -> {
                String sig = Signatures.toClient(ClientProtocol.ANTHROPIC, d.signature());
                if (sig != null) {
                    delta(d.index(), Json.object().put("type", "signature_delta").put("signature", sig), out);
                }
            }
            case StreamEvent.ToolArgsDelta d -> delta(d.index(),
                    Json.object().put("type", "input_json_delta").put("partial_json", d.partialJson()), out);
            case StreamEvent.BlockStop b -> {
                open = -1;
                emit("content_block_stop", Json.object().put("type", "content_block_stop").put("index", b.index()), out);
            }
            case StreamEvent.MessageDelta d -> {
                closeOpenBlock(out);
                ObjectNode n = Json.object().put("type", "message_delta");
                ObjectNode delta = n.putObject("delta").put("stop_reason", AnthropicStopReasons.write(d.stopReason()));
                if (d.stopSequence() != null) {
                    delta.put("stop_sequence", d.stopSequence());
                } else {
                    delta.putNull("stop_sequence");
                }
                n.set("usage", UsageJson.anthropic(d.usage()));
                emit("message_delta", n, out);
            }
            case StreamEvent.MessageStop s -> emit("message_stop", Json.object().put("type", "message_stop"), out);
            case StreamEvent.Failure f -> {
                ObjectNode n = Json.object().put("type", "error");
                n.putObject("error").put("type", f.error().type().anthropicType()).put("message", f.error().message());
                emit("error", n, out);
            }
        }
    }

    private void ensureStarted(String id, Consumer<SseEvent> out) {
        if (!started) {
            start(id, Usage.ZERO, out);
        }
    }

    private void start(String id, Usage usage, Consumer<SseEvent> out) {
        started = true;
        ObjectNode msg = Json.object();
        msg.put("id", Hashes.withPrefix("msg_", id)).put("type", "message").put("role", "assistant")
                .put("model", ctx.clientModel());
        msg.putArray("content");
        msg.putNull("stop_reason");
        msg.putNull("stop_sequence");
        msg.set("usage", UsageJson.anthropic(usage));
        ObjectNode n = Json.object().put("type", "message_start");
        n.set("message", msg);
        emit("message_start", n, out);
    }

    private void closeOpenBlock(Consumer<SseEvent> out) {
        if (open >= 0) {
            emit("content_block_stop", Json.object().put("type", "content_block_stop").put("index", open), out);
            open = -1;
        }
    }

    private static void delta(int index, ObjectNode delta, Consumer<SseEvent> out) {
        ObjectNode n = Json.object().put("type", "content_block_delta").put("index", index);
        n.set("delta", delta);
        emit("content_block_delta", n, out);
    }

    private static void emit(String event, ObjectNode data, Consumer<SseEvent> out) {
        out.accept(SseEvent.of(event, data.toString()));
    }
}
