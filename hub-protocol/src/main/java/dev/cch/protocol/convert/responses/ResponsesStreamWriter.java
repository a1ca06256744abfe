package dev.cch.protocol.convert.responses;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cch.protocol.convert.Converter.ResponseContext;
import dev.cch.protocol.convert.common.Hashes;
import dev.cch.protocol.convert.common.Json;
import dev.cch.protocol.convert.dialect.StreamWriter;
import dev.cch.protocol.convert.model.Part;
import dev.cch.protocol.convert.model.StreamEvent;
import dev.cch.protocol.convert.model.StreamEvent.BlockKind;
import dev.cch.protocol.sse.SseEvent;

import java.util.function.Consumer;

/**
 * Renders the Responses event sequence: response.created and in_progress, then per block an output item (added,
 * its part or arguments events, done), then response.completed (or incomplete) with the full output and usage.
 * Every event carries a sequence_number.
 */
public final class ResponsesStreamWriter implements StreamWriter {
    private final ResponseContext ctx;
    private final long createdAt;
    private final ArrayNode output = Json.array();
    private String id;
    private int sequence;
    private boolean done;
    // the open block's item
    private BlockKind kind;
    private String itemId;
    private String callId;
    private String name;
    private final StringBuilder text = new StringBuilder();
    private String signature;

    public ResponsesStreamWriter(ResponseContext ctx, long createdAt) {
        this.ctx = ctx;
        this.createdAt = createdAt;
    }

    @Override
    public void write(StreamEvent e, Consumer<SseEvent> out) {
        if (done) {
            return;
        }
        if (id == null && !(e instanceof StreamEvent.Failure)) {
            id = Hashes.withPrefix("resp_", e instanceof StreamEvent.MessageStart s ? s.id() : "resp");
            ObjectNode r = ResponseObjects.response(id, createdAt, ctx.clientModel(), "in_progress", null, Json.array(), null);
            emit("response.created", Json.object().set("response", r), out);
            emit("response.in_progress", Json.object().set("response", r.deepCopy()), out);
        }
        switch (e) {
            case StreamEvent.BlockStart b -> start(b, out);
            case StreamEvent.TextDelta d -> {
                text.append(d.text());
                emit("response.output_text.delta", itemEvent().put("content_index", 0).put("delta", d.text())
                        .set("logprobs", Json.array()), out);
            }
            case StreamEvent.ThinkingDelta d -> {
                text.append(d.text());
                emit("response.reasoning_summary_text.delta", itemEvent().put("summary_index", 0).put("delta", d.text()), out);
            }
            case StreamEvent.SignatureDelta d -> signature = d.signature();
            case StreamEvent.ToolArgsDelta d -> {
                text.append(d.partialJson());
                emit("response.function_call_arguments.delta", itemEvent().put("delta", d.partialJson()), out);
            }
            case StreamEvent.BlockStop b -> stop(out);
            case StreamEvent.MessageDelta d -> {
                stop(out);
                String status = ResponseObjects.status(d.stopReason());
                ObjectNode r = ResponseObjects.response(id, createdAt, ctx.clientModel(), status, d.stopReason(), output, d.usage());
                emit(status.equals("completed") ? "response.completed" : "response.incomplete", Json.object().set("response", r), out);
                done = true;
            }
            case StreamEvent.Failure f -> fail(f, out);
            default -> { }
        }
    }

    private void start(StreamEvent.BlockStart b, Consumer<SseEvent> out) {
        stop(out);
        kind = b.kind();
        text.setLength(0);
        signature = null;
        String seed = id + "/" + output.size();
        ObjectNode item;
        switch (kind) {
            case TEXT -> {
                itemId = Hashes.id("msg_", seed);
                item = ResponseObjects.messageItem(itemId, "in_progress", null);
            }
            case THINKING -> {
                itemId = Hashes.id("rs_", seed);
                item = Json.object().put("id", itemId).put("type", "reasoning");
                item.putArray("summary");
            }
            default -> {
                itemId = Hashes.id("fc_", seed);
                callId = b.toolId();
                name = ctx.toolName(b.toolName());
                item = ResponseObjects.functionCallItem(itemId, "in_progress", "", callId, name);
            }
        }
        emit("response.output_item.added", Json.object().put("output_index", output.size()).set("item", item), out);
        if (kind == BlockKind.TEXT) {
            emit("response.content_part.added", itemEvent().put("content_index", 0)
                    .set("part", ResponseObjects.textPart("")), out);
        } else if (kind == BlockKind.THINKING) {
            emit("response.reasoning_summary_part.added", itemEvent().put("summary_index", 0)
                    .set("part", Json.object().put("type", "summary_text").put("text", "")), out);
        }
    }

    private void stop(Consumer<SseEvent> out) {
        if (kind == null) {
            return;
        }
        String t = text.toString();
        ObjectNode item;
        switch (kind) {
            case TEXT -> {
                emit("response.output_text.done", itemEvent().put("content_index", 0).put("text", t)
                        .set("logprobs", Json.array()), out);
                emit("response.content_part.done", itemEvent().put("content_index", 0)
                        .set("part", ResponseObjects.textPart(t)), out);
                item = ResponseObjects.messageItem(itemId, "completed", t);
            }
            case THINKING -> {
                emit("response.reasoning_summary_text.done", itemEvent().put("summary_index", 0).put("text", t), out);
                emit("response.reasoning_summary_part.done", itemEvent().put("summary_index", 0)
                        .set("part", Json.object().put("type", "summary_text").put("text", t)), out);
                item = ReasoningItems.forClient(itemId, new Part.Thinking(t, signature));
            }
            default -> {
                emit("response.function_call_arguments.done", itemEvent().put("arguments", t), out);
                item = ResponseObjects.functionCallItem(itemId, "completed", t, callId, name);
            }
        }
        emit("response.output_item.done", Json.object().put("output_index", output.size()).set("item", item), out);
        output.add(item);
        kind = null;
    }

    private void fail(StreamEvent.Failure f, Consumer<SseEvent> out) {
        String code = f.error().type().openAiType();
        ObjectNode err = Json.object().put("code", code).put("message", f.error().message());
        err.putNull("param");
        emit("error", err, out);
        if (id != null) {
            ObjectNode r = ResponseObjects.response(id, createdAt, ctx.clientModel(), "failed", null, output, null);
            r.putObject("error").put("code", code).put("message", f.error().message());
            emit("response.failed", Json.object().set("response", r), out);
        }
        done = true;
    }

    private ObjectNode itemEvent() {
        return Json.object().put("item_id", itemId).put("output_index", output.size());
    }

    private void emit(String type, ObjectNode body, Consumer<SseEvent> out) {
        ObjectNode n = Json.object().put("type", type).put("sequence_number", sequence++);
        n.setAll(body);
        out.accept(SseEvent.of(type, n.toString()));
    }
}
