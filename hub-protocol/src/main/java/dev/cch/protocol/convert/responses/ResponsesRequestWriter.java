package dev.cch.protocol.convert.responses;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cch.protocol.convert.Converter.RequestContext;
import dev.cch.protocol.convert.common.Json;
import dev.cch.protocol.convert.common.ToolNames;
import dev.cch.protocol.convert.dialect.RequestWriter;
import dev.cch.protocol.convert.model.Conversation;
import dev.cch.protocol.convert.model.Part;
import dev.cch.protocol.convert.model.Sampling;
import dev.cch.protocol.convert.model.ToolChoice;
import dev.cch.protocol.convert.model.ToolSpec;
import dev.cch.protocol.convert.model.Turn;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes an OpenAI Responses request. Stateless ({@code store:false}): the whole conversation goes in
 * {@code input}, and reasoning travels as encrypted content.
 */
public final class ResponsesRequestWriter implements RequestWriter {

    @Override
    public ObjectNode write(Conversation c, RequestContext ctx) {
        ObjectNode out = Json.object();
        out.put("model", ctx.upstreamModel());
        if (!c.system().isEmpty()) {
            out.put("instructions", String.join("\n\n", c.system()));
        }
        ArrayNode input = out.putArray("input");
        for (Turn t : c.turns()) {
            switch (t.role()) {
                case SYSTEM -> input.addObject().put("type", "message").put("role", "developer")
                        .set("content", ResponsesContent.input(t.parts()));
                case USER -> user(t.parts(), input);
                case ASSISTANT -> assistant(t.parts(), input);
            }
        }
        if (!c.tools().isEmpty()) {
            ArrayNode tools = out.putArray("tools");
            for (ToolSpec t : c.tools()) {
                ObjectNode f = tools.addObject().put("type", "function").put("name", ToolNames.shorten(t.name()));
                Json.putIfNotNull(f, "description", t.description());
                f.set("parameters", t.schema() != null ? t.schema()
                        : Json.object().put("type", "object").set("properties", Json.object()));
                f.put("strict", false);
            }
            toolChoice(c.toolChoice(), out);
        }
        Sampling s = c.sampling();
        Json.putIfNotNull(out, "max_output_tokens", s.maxTokens());
        Json.putIfNotNull(out, "temperature", s.temperature());
        Json.putIfNotNull(out, "top_p", s.topP());
        if (c.reasoning() != null && c.reasoning().enabled()) {
            out.putObject("reasoning").put("effort", c.reasoning().effort()).put("summary", "auto");
            out.putArray("include").add("reasoning.encrypted_content");
        }
        out.put("store", false);
        if (ctx.stream()) {
            out.put("stream", true);
        }
        return out;
    }

    private static void user(List<Part> parts, ArrayNode input) {
        List<Part> rest = new ArrayList<>();
        for (Part p : parts) {
            if (p instanceof Part.ToolResult r) {
                ObjectNode item = input.addObject().put("type", "function_call_output").put("call_id", r.callId());
                boolean textOnly = r.content().stream().allMatch(x -> x instanceof Part.Text);
                if (textOnly) {
                    item.put("output", r.text());
                } else {
                    item.set("output", ResponsesContent.input(r.content()));
                }
            } else {
                rest.add(p);
            }
        }
        if (!rest.isEmpty()) {
            input.addObject().put("type", "message").put("role", "user").set("content", ResponsesContent.input(rest));
        }
    }

    private static void assistant(List<Part> parts, ArrayNode input) {
        StringBuilder text = new StringBuilder();
        for (Part p : parts) {
            switch (p) {
                case Part.Text t -> text.append(t.text());
                case Part.Thinking t -> {
                    ObjectNode item = ReasoningItems.forProvider(t);
                    if (item != null) {
                        input.add(item);
                    }
                }
                case Part.ToolCall call -> {
                    flushText(text, input);
                    input.addObject().put("type", "function_call").put("call_id", call.id())
                            .put("name", ToolNames.shorten(call.name())).put("arguments", call.argumentsJson());
                }
                default -> { }
            }
        }
        flushText(text, input);
    }

    private static void flushText(StringBuilder text, ArrayNode input) {
        if (text.isEmpty()) {
            return;
        }
        ObjectNode m = input.addObject().put("type", "message").put("role", "assistant");
        m.putArray("content").addObject().put("type", "output_text").put("text", text.toString());
        text.setLength(0);
    }

    private static void toolChoice(ToolChoice tc, ObjectNode out) {
        if (tc == null) {
            return;
        }
        switch (tc.mode()) {
            case AUTO -> out.put("tool_choice", "auto");
            case ANY -> out.put("tool_choice", "required");
            case NONE -> out.put("tool_choice", "none");
            case TOOL -> out.putObject("tool_choice").put("type", "function").put("name", ToolNames.shorten(tc.name()));
        }
        if (Boolean.FALSE.equals(tc.parallel())) {
            out.put("parallel_tool_calls", false);
        }
    }
}
