package dev.cch.protocol.convert.anthropic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cch.protocol.ClientProtocol;
import dev.cch.protocol.convert.Converter.ResponseContext;
import dev.cch.protocol.convert.common.Hashes;
import dev.cch.protocol.convert.common.Json;
import dev.cch.protocol.convert.common.Signatures;
import dev.cch.protocol.convert.common.UsageJson;
import dev.cch.protocol.convert.dialect.ResponseWriter;
import dev.cch.protocol.convert.model.Completion;
import dev.cch.protocol.convert.model.Part;

/** Writes an Anthropic Messages response. */
public final class AnthropicResponseWriter implements ResponseWriter {
    private final ObjectMapper mapper;

    public AnthropicResponseWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public ObjectNode write(Completion c, ResponseContext ctx, long now) {
        ObjectNode msg = Json.object();
        msg.put("id", Hashes.withPrefix("msg_", c.id()));
        msg.put("type", "message");
        msg.put("role", "assistant");
        msg.put("model", ctx.clientModel());
        ArrayNode content = msg.putArray("content");
        for (Part p : c.content()) {
            switch (p) {
                case Part.Text t -> content.addObject().put("type", "text").put("text", t.text());
                case Part.Thinking t -> content.addObject().put("type", "thinking").put("thinking", t.text())
                        .put("signature", orEmpty(Signatures.toClient(ClientProtocol.ANTHROPIC, t.signature())));
                case Part.ToolCall call -> {
                    ObjectNode tu = content.addObject().put("type", "tool_use").put("id", call.id())
                            .put("name", ctx.toolName(call.name()));
                    tu.set("input", Json.argumentsObject(mapper, call.argumentsJson()));
                }
                default -> { } // responses carry no media or tool results
            }
        }
        msg.put("stop_reason", AnthropicStopReasons.write(c.stopReason()));
        if (c.stopSequence() != null) {
            msg.put("stop_sequence", c.stopSequence());
        } else {
            msg.putNull("stop_sequence");
        }
        msg.set("usage", UsageJson.anthropic(c.usage()));
        return msg;
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
