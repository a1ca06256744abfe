package dev.cch.protocol.convert.chat;

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

/** Reads an OpenAI Chat Completions request. */
public final class ChatRequestReader implements RequestReader {

    @Override
    public Conversation read(JsonNode b) throws ConversionException {
        if (!b.path("messages").isArray()) {
            throw new ConversionException("messages must be an array");
        }
        List<String> system = new ArrayList<>();
        List<Turn> turns = new ArrayList<>();
        List<Part> toolResults = new ArrayList<>();
        for (JsonNode m : b.path("messages")) {
            String role = m.path("role").asText();
            if (!role.equals("tool") && !toolResults.isEmpty()) {
                turns.add(new Turn(Turn.Role.USER, toolResults));
                toolResults = new ArrayList<>();
            }
            switch (role) {
                case "system", "developer" -> {
                    String text = text(m.path("content"));
                    if (turns.isEmpty()) {
                        system.add(text);
                    } else {
                        turns.add(new Turn(Turn.Role.SYSTEM, List.of(new Part.Text(text))));
                    }
                }
                case "assistant" -> turns.add(new Turn(Turn.Role.ASSISTANT, assistant(m)));
                case "tool" -> toolResults.add(new Part.ToolResult(m.path("tool_call_id").asText(),
                        List.of(new Part.Text(text(m.path("content")))), false));
                default -> turns.add(new Turn(Turn.Role.USER, user(m.path("content"))));
            }
        }
        if (!toolResults.isEmpty()) {
            turns.add(new Turn(Turn.Role.USER, toolResults));
        }
        return new Conversation(system, turns, tools(b), toolChoice(b), sampling(b), reasoning(b));
    }

    @Override
    public List<String> toolNames(JsonNode b) {
        List<String> names = new ArrayList<>();
        b.path("tools").forEach(t -> names.add(t.path("function").path("name").asText()));
        return names;
    }

    private static List<Part> user(JsonNode content) {
        List<Part> parts = new ArrayList<>();
        if (content.isTextual()) {
            parts.add(new Part.Text(content.asText()));
            return parts;
        }
        for (JsonNode p : content) {
            switch (p.path("type").asText()) {
                case "text" -> parts.add(new Part.Text(p.path("text").asText("")));
                case "image_url" -> parts.add(MediaUrls.parse(p.path("image_url").isTextual()
                        ? p.path("image_url").asText() : p.path("image_url").path("url").asText()));
                case "file" -> {
                    String data = Json.text(p.path("file"), "file_data");
                    if (data != null) {
                        Part.Media m = MediaUrls.parse(data);
                        parts.add(m.inline() ? m : new Part.Media("application/pdf", data, null));
                    }
                }
                default -> { } // audio has no counterpart in the other protocols' requests
            }
        }
        return parts;
    }

    private static List<Part> assistant(JsonNode m) {
        List<Part> parts = new ArrayList<>();
        String reasoning = Json.text(m, "reasoning_content");
        if (reasoning == null) {
            reasoning = Json.text(m, "reasoning");
        }
        if (reasoning != null && !reasoning.isEmpty()) {
            parts.add(new Part.Thinking(reasoning, null));
        }
        String text = text(m.path("content"));
        if (!text.isEmpty()) {
            parts.add(new Part.Text(text));
        }
        for (JsonNode tc : m.path("tool_calls")) {
            JsonNode f = tc.path("function");
            parts.add(new Part.ToolCall(tc.path("id").asText(), f.path("name").asText(), f.path("arguments").asText("{}")));
        }
        return parts;
    }

    /** A string content, or the text parts of an array content, joined. */
    static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode p : content) {
            String t = Json.text(p, "text");
            if (t == null) {
                t = Json.text(p, "refusal");
            }
            if (t != null) {
                sb.append(t);
            }
        }
        return sb.toString();
    }

    private static List<ToolSpec> tools(JsonNode b) {
        List<ToolSpec> tools = new ArrayList<>();
        for (JsonNode t : b.path("tools")) {
            if (t.path("type").asText("function").equals("function")) {
                JsonNode f = t.path("function");
                tools.add(new ToolSpec(f.path("name").asText(), Json.text(f, "description"), f.get("parameters")));
            }
        }
        return tools;
    }

    private static ToolChoice toolChoice(JsonNode b) {
        JsonNode tc = b.get("tool_choice");
        Boolean parallel = Json.bool(b, "parallel_tool_calls");
        Boolean onlyFalse = Boolean.FALSE.equals(parallel) ? Boolean.FALSE : null;
        if (tc == null || tc.isNull()) {
            return onlyFalse == null ? null : new ToolChoice(ToolChoice.Mode.AUTO, null, onlyFalse);
        }
        if (tc.isObject()) {
            return new ToolChoice(ToolChoice.Mode.TOOL, tc.path("function").path("name").asText(), onlyFalse);
        }
        return switch (tc.asText()) {
            case "required" -> new ToolChoice(ToolChoice.Mode.ANY, null, onlyFalse);
            case "none" -> ToolChoice.of(ToolChoice.Mode.NONE);
            default -> new ToolChoice(ToolChoice.Mode.AUTO, null, onlyFalse);
        };
    }

    private static Sampling sampling(JsonNode b) {
        Integer max = Json.integer(b, "max_completion_tokens");
        return new Sampling(max != null ? max : Json.integer(b, "max_tokens"), Json.number(b, "temperature"),
                Json.number(b, "top_p"), null, Json.strings(b.get("stop")));
    }

    private static Reasoning reasoning(JsonNode b) {
        String effort = Json.text(b, "reasoning_effort");
        if (effort == null) {
            return null;
        }
        return effort.equals("none") ? Reasoning.OFF : new Reasoning(true, null, effort);
    }
}
