package dev.cch.protocol.convert.gemini;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cch.protocol.ClientProtocol;
import dev.cch.protocol.convert.Converter.ResponseContext;
import dev.cch.protocol.convert.common.Json;
import dev.cch.protocol.convert.common.Signatures;
import dev.cch.protocol.convert.common.UsageJson;
import dev.cch.protocol.convert.dialect.ResponseWriter;
import dev.cch.protocol.convert.model.Completion;
import dev.cch.protocol.convert.model.Part;

/** Writes a Gemini GenerateContentResponse. */
public final class GeminiResponseWriter implements ResponseWriter {
    private final ObjectMapper mapper;

    public GeminiResponseWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public ObjectNode write(Completion c, ResponseContext ctx, long now) {
        ObjectNode out = Json.object();
        ObjectNode candidate = out.putArray("candidates").addObject();
        ObjectNode content = candidate.putObject("content");
        ArrayNode parts = content.putArray("parts");
        String pending = null;
        for (Part p : c.content()) {
            ObjectNode part = switch (p) {
                case Part.Text t -> Json.object().put("text", t.text());
                case Part.Thinking t -> {
                    // like Gemini, the signature goes on the part after the thought
                    pending = Signatures.toClient(ClientProtocol.GEMINI, t.signature());
                    yield t.text().isEmpty() ? null : Json.object().put("text", t.text()).put("thought", true);
                }
                case Part.ToolCall call -> functionCall(call, ctx);
                default -> null;
            };
            if (part != null) {
                if (pending != null) {
                    part.put("thoughtSignature", pending);
                    pending = null;
                }
                parts.add(part);
            }
        }
        if (pending != null) {
            parts.addObject().put("text", "").put("thoughtSignature", pending);
        }
        content.put("role", "model");
        candidate.put("finishReason", GeminiFinishReasons.write(c.stopReason()));
        candidate.put("index", 0);
        out.set("usageMetadata", UsageJson.gemini(c.usage()));
        out.put("modelVersion", ctx.clientModel());
        out.put("responseId", c.id());
        return out;
    }

    ObjectNode functionCall(Part.ToolCall call, ResponseContext ctx) {
        ObjectNode part = Json.object();
        ObjectNode fc = part.putObject("functionCall");
        fc.put("id", call.id()); // Gemini clients echo it in the functionResponse, which keeps the provider's id
        fc.put("name", ctx.toolName(call.name()));
        fc.set("args", Json.argumentsObject(mapper, call.argumentsJson()));
        return part;
    }
}
