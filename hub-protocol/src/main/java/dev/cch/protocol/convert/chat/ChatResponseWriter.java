package dev.cch.protocol.convert.chat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cch.protocol.convert.Converter.ResponseContext;
import dev.cch.protocol.convert.common.Hashes;
import dev.cch.protocol.convert.common.Json;
import dev.cch.protocol.convert.common.UsageJson;
import dev.cch.protocol.convert.dialect.ResponseWriter;
import dev.cch.protocol.convert.model.Completion;
import dev.cch.protocol.convert.model.Part;

/** Writes an OpenAI Chat Completions response. Thinking becomes {@code reasoning_content}; signatures are dropped. */
public final class ChatResponseWriter implements ResponseWriter {

    @Override
    public ObjectNode write(Completion c, ResponseContext ctx, long now) {
        ObjectNode out = Json.object();
        out.put("id", Hashes.withPrefix("chatcmpl-", c.id()));
        out.put("object", "chat.completion");
        out.put("created", c.created() > 0 ? c.created() : now);
        out.put("model", ctx.clientModel());
        ObjectNode choice = out.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode m = choice.putObject("message");
        m.put("role", "assistant");
        StringBuilder text = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        ArrayNode calls = Json.array();
        for (Part p : c.content()) {
            switch (p) {
                case Part.Text t -> text.append(t.text());
                case Part.Thinking t -> reasoning.append(t.text());
                case Part.ToolCall call -> calls.addObject().put("id", call.id()).put("type", "function")
                        .putObject("function").put("name", ctx.toolName(call.name())).put("arguments", call.argumentsJson());
                default -> { }
            }
        }
        if (text.isEmpty() && !calls.isEmpty()) {
            m.putNull("content");
        } else {
            m.put("content", text.toString());
        }
        if (!reasoning.isEmpty()) {
            m.put("reasoning_content", reasoning.toString());
        }
        if (!calls.isEmpty()) {
            m.set("tool_calls", calls);
        }
        m.putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", ChatFinishReasons.write(c.stopReason()));
        out.set("usage", UsageJson.openAiChat(c.usage()));
        return out;
    }
}
