package dev.cch.protocol.convert.responses;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.protocol.convert.ConversionException;
import dev.cch.protocol.convert.common.Json;
import dev.cch.protocol.convert.common.MediaUrls;
import dev.cch.protocol.convert.dialect.RequestReader;
import dev.cch.protocol.convert.model.Conversation;
import dev.cch.protocol.convert.model.Part;
import dev.cch.protocol.convert.model.Reasoning;
import dev.cch.protocol.convert.model.Sampling;
import dev.cch.protocol.convert.model.ToolChoice;
import dev.cch.protocol.convert.model.ToolSpec;
import dev.cch.protocol.convert.model.Turn;

import java.util.ArrayList;
import java.util.List;

/** Reads an OpenAI Responses request. Only function tools convert; built-in tools are left out. */
public final class ResponsesRequestReader implements RequestReader {

    @Override
    public Conversation read(JsonNode b) throws ConversionException {
        List<String> system = new ArrayList<>();
        String instructions = Json.text(b, "instructions");
        if (instructions != null && !instructions.isEmpty()) {
            system.add(instructions);
        }
        List<Turn> turns = new ArrayList<>();
        JsonNode input = b.path("input");
        if (input.isTextual()) {
            turns.add(new Turn(Turn.Role.USER, List.of(new Part.Text(input.asText()))));
        } else if (input.isArray()) {
            Turns builder = new Turns(turns, system);
            for (JsonNode item : input) {
                builder.item(item);
            }
            builder.flush();
        } else {
            throw new ConversionException("input must be a string or an array");
        }
        return new Conversation(system, turns, tools(b), toolChoice(b), sampling(b), reasoning(b));
    }

    @Override
    public List<String> toolNames(JsonNode b) {
        List<String> names = new ArrayList<>();
        b.path("tools").forEach(t -> {
            if (t.path("type").asText().equals("function")) {
                names.add(t.path("name").asText());
            }
        });
        return names;
    }

    /** Groups the flat item list into turns: calls and reasoning join the assistant turn, outputs a user turn. */
    private static final class Turns {
        private final List<Turn> turns;
        private final List<String> system;
        private Turn.Role role;
        private List<Part> parts = new ArrayList<>();

        Turns(List<Turn> turns, List<String> system) {
            this.turns = turns;
            this.system = system;
        }

        void item(JsonNode item) {
            String type = Json.text(item, "type", "message");
            switch (type) {
                case "message" -> message(item);
                case "function_call" -> add(Turn.Role.ASSISTANT, new Part.ToolCall(item.path("call_id").asText(),
                        item.path("name").asText(), item.path("arguments").asText("{}")));
                case "function_call_output" -> add(Turn.Role.USER, new Part.ToolResult(item.path("call_id").asText(),
                        output(item.path("output")), false));
                case "reasoning" -> add(Turn.Role.ASSISTANT, ReasoningItems.read(item, true));
                default -> { } // built-in tool calls and item references have no counterpart
            }
        }

        private void message(JsonNode item) {
            String r = item.path("role").asText("user");
            if (r.equals("system") || r.equals("developer")) {
                String text = ResponsesContent.text(item.path("content"));
                if (turns.isEmpty() && parts.isEmpty()) {
                    system.add(text);
                } else {
                    flush();
                    turns.add(new Turn(Turn.Role.SYSTEM, List.of(new Part.Text(text))));
                }
                return;
            }
            Turn.Role tr = r.equals("assistant") ? Turn.Role.ASSISTANT : Turn.Role.USER;
            for (Part p : ResponsesContent.parts(item.path("content"))) {
                add(tr, p);
            }
        }

        private void add(Turn.Role r, Part p) {
            if (role != r) {
                flush();
                role = r;
            }
            parts.add(p);
        }

        void flush() {
            if (role != null && !parts.isEmpty()) {
                turns.add(new Turn(role, parts));
            }
            parts = new ArrayList<>();
            role = null;
        }
    }

    private static List<Part> output(JsonNode output) {
        if (output.isTextual()) {
            return List.of(new Part.Text(output.asText()));
        }
        return ResponsesContent.parts(output);
    }

    private static List<ToolSpec> tools(JsonNode b) {
        List<ToolSpec> tools = new ArrayList<>();
        for (JsonNode t : b.path("tools")) {
            if (t.path("type").asText().equals("function")) {
                tools.add(new ToolSpec(t.path("name").asText(), Json.text(t, "description"), t.get("parameters")));
            }
        }
        return tools;
    }

    private static ToolChoice toolChoice(JsonNode b) {
        JsonNode tc = b.get("tool_choice");
        Boolean parallel = Boolean.FALSE.equals(Json.bool(b, "parallel_tool_calls")) ? Boolean.FALSE : null;
        if (tc == null || tc.isNull()) {
            return parallel == null ? null : new ToolChoice(ToolChoice.Mode.AUTO, null, parallel);
        }
        if (tc.isObject()) {
            return tc.path("type").asText().equals("function")
                    ? new ToolChoice(ToolChoice.Mode.TOOL, tc.path("name").asText(), parallel)
                    : new ToolChoice(ToolChoice.Mode.AUTO, null, parallel);
        }
        return switch (tc.asText()) {
            case "required" -> new ToolChoice(ToolChoice.Mode.ANY, null, parallel);
            case "none" -> ToolChoice.of(ToolChoice.Mode.NONE);
            default -> new ToolChoice(ToolChoice.Mode.AUTO, null, parallel);
        };
    }

    private static Sampling sampling(JsonNode b) {
        return new Sampling(Json.integer(b, "max_output_tokens"), Json.number(b, "temperature"),
                Json.number(b, "top_p"), null, List.of());
    }

    private static Reasoning reasoning(JsonNode b) {
        JsonNode r = b.get("reasoning");
        if (r == null || !r.isObject()) {
            return null;
        }
        String effort = Json.text(r, "effort");
        return "none".equals(effort) ? Reasoning.OFF : new Reasoning(true, null, effort);
    }
}
