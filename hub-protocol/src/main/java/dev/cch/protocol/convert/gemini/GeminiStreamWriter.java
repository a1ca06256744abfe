package dev.cch.protocol.convert.gemini;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cch.protocol.ClientProtocol;
import dev.cch.protocol.convert.Converter.ResponseContext;
import dev.cch.protocol.convert.common.Json;
import dev.cch.protocol.convert.common.Signatures;
import dev.cch.protocol.convert.common.UsageJson;
import dev.cch.protocol.convert.dialect.StreamWriter;
import dev.cch.protocol.convert.model.Part;
import dev.cch.protocol.convert.model.StreamEvent;
import dev.cch.protocol.sse.SseEvent;

import java.util.function.Consumer;

/**
 * Renders Gemini SSE: one GenerateContentResponse per chunk. Function calls are sent whole once their arguments
 * are complete; the last chunk carries finishReason and usageMetadata.
 */
public final class GeminiStreamWriter implements StreamWriter {
    private final ResponseContext ctx;
    private final GeminiResponseWriter calls;
    private String id = "gemini";
    private String toolId;
    private String toolName;
    private final StringBuilder args = new StringBuilder();
    private boolean inTool;
    private String pendingSignature;
    private boolean done;

    public GeminiStreamWriter(ResponseContext ctx, ObjectMapper mapper) {
        this.ctx = ctx;
        this.calls = new GeminiResponseWriter(mapper);
    }

    @Override
    public void write(StreamEvent e, Consumer<SseEvent> out) {
        if (done) {
            return;
        }
        switch (e) {
            case StreamEvent.MessageStart s -> id = s.id();
            case StreamEvent.BlockStart b when b.kind() == StreamEvent.BlockKind.TOOL_CALL -> {
                inTool = true;
                toolId = b.toolId();
                toolName = b.toolName();
                args.setLength(0);
            }
            case StreamEvent.TextDelta d -> chunk(Json.object().put("text", d.text()), out);
            case StreamEvent.ThinkingDelta d -> chunk(Json.object().put("text", d.text()).put("thought", true), out);
            case StreamEvent.SignatureDelta d -> pendingSignature = Signatures.toClient(ClientProtocol.GEMINI, d.signature());
            case StreamEvent.ToolArgsDelta d -> args.append(d.partialJson());
            case StreamEvent.BlockStop b -> {
                if (inTool) {
                    inTool = false;
                    chunk(calls.functionCall(new Part.ToolCall(toolId, toolName, args.toString()), ctx), out);
                }
            }
            case StreamEvent.MessageDelta d -> {
                ObjectNode last = base(Json.object().put("text", ""));
                ObjectNode candidate = (ObjectNode) last.path("candidates").get(0);
                candidate.put("finishReason", GeminiFinishReasons.write(d.stopReason()));
                candidate.put("index", 0);
                last.set("usageMetadata", UsageJson.gemini(d.usage()));
                reorder(last);
                out.accept(SseEvent.of(null, last.toString()));
                done = true;
            }
            case StreamEvent.Failure f -> {
                ObjectNode n = Json.object();
                n.putObject("error").put("code", f.error().status()).put("message", f.error().message())
                        .put("status", f.error().type().geminiStatus());
                out.accept(SseEvent.of(null, n.toString()));
                done = true;
            }
            default -> { }
        }
    }

    private void chunk(ObjectNode part, Consumer<SseEvent> out) {
        ObjectNode n = base(part);
        ((ObjectNode) n.path("candidates").get(0)).put("index", 0);
        reorder(n);
        out.accept(SseEvent.of(null, n.toString()));
    }

    private ObjectNode base(ObjectNode part) {
        if (pendingSignature != null) {
            part.put("thoughtSignature", pendingSignature);
            pendingSignature = null;
        }
        ObjectNode n = Json.object();
        ArrayNode parts = Json.array().add(part);
        ObjectNode content = Json.object();
        content.set("parts", parts);
        content.put("role", "model");
        n.putArray("candidates").addObject().set("content", content);
        return n;
    }

    /** Keeps Gemini's field order: candidates, usageMetadata, modelVersion, responseId. */
    private void reorder(ObjectNode n) {
        n.put("modelVersion", ctx.clientModel());
        n.put("responseId", id);
    }
}
