package dev.cch.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the fake needs from a request of any protocol: the function tools offered (name and argument schema) and
 * the text of the tool results in the last message, or null when the last message is no tool result.
 */
record RequestShape(List<Tool> tools, String toolResult) {

    record Tool(String name, JsonNode schema) {
    }

    static RequestShape of(String wire, JsonNode request) {
        return switch (wire) {
            case "openai-chat" -> chat(request);
            case "openai-responses" -> responses(request);
            case "gemini", "gemini-cli" -> gemini(request.has("request") ? request.path("request") : request);
            default -> anthropic(request);
        };
    }

    private static RequestShape anthropic(JsonNode r) {
        List<Tool> tools = new ArrayList<>();
        r.path("tools").forEach(t -> tools.add(new Tool(t.path("name").asText("tool"), t.path("input_schema"))));
        JsonNode messages = r.path("messages");
        JsonNode last = messages.isArray() && !messages.isEmpty() ? messages.get(messages.size() - 1) : null;
        boolean sent = last != null && last.path("content").toString().contains("\"tool_result\"");
        return new RequestShape(tools, sent ? ToolArguments.toolResultText(last) : null);
    }

    private static RequestShape chat(JsonNode r) {
        List<Tool> tools = new ArrayList<>();
        r.path("tools").forEach(t -> tools.add(new Tool(t.path("function").path("name").asText("tool"),
                t.path("function").path("parameters"))));
        JsonNode messages = r.path("messages");
        StringBuilder sb = new StringBuilder();
        boolean sent = false;
        for (int i = messages.size() - 1; i >= 0 && messages.get(i).path("role").asText().equals("tool"); i--) {
            sent = true;
            sb.insert(0, text(messages.get(i).path("content"), "text"));
        }
        return new RequestShape(tools, sent ? sb.toString() : null);
    }

    private static RequestShape responses(JsonNode r) {
        List<Tool> tools = new ArrayList<>();
        r.path("tools").forEach(t -> {
            if (t.path("type").asText().equals("function")) {
                tools.add(new Tool(t.path("name").asText("tool"), t.path("parameters")));
            }
        });
        JsonNode input = r.path("input");
        StringBuilder sb = new StringBuilder();
        boolean sent = false;
        for (int i = input.size() - 1; i >= 0 && input.get(i).path("type").asText().equals("function_call_output"); i--) {
            sent = true;
            sb.insert(0, text(input.get(i).path("output"), "text"));
        }
        return new RequestShape(tools, sent ? sb.toString() : null);
    }

    private static RequestShape gemini(JsonNode r) {
        List<Tool> tools = new ArrayList<>();
        for (JsonNode t : r.path("tools")) {
            for (JsonNode f : t.path("functionDeclarations")) {
                JsonNode schema = f.has("parametersJsonSchema") ? f.path("parametersJsonSchema") : f.path("parameters");
                tools.add(new Tool(f.path("name").asText("tool"), lowerTypes(schema)));
            }
        }
        JsonNode contents = r.path("contents");
        JsonNode last = contents.isArray() && !contents.isEmpty() ? contents.get(contents.size() - 1) : null;
        StringBuilder sb = new StringBuilder();
        boolean sent = false;
        if (last != null) {
            for (JsonNode part : last.path("parts")) {
                JsonNode fr = part.get("functionResponse");
                if (fr != null) {
                    sent = true;
                    JsonNode resp = fr.path("response");
                    JsonNode output = resp.has("output") ? resp.get("output") : resp.get("content");
                    sb.append(output != null && output.isTextual() ? output.asText() : resp.toString());
                }
            }
        }
        return new RequestShape(tools, sent ? sb.toString() : null);
    }

    /** A string, or the text of an array of parts. */
    private static String text(JsonNode content, String field) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder sb = new StringBuilder();
        content.forEach(p -> sb.append(p.path(field).asText("")));
        return sb.toString();
    }

    /** Gemini schemas may spell types in upper case (OBJECT, STRING). */
    private static JsonNode lowerTypes(JsonNode schema) {
        if (!schema.isObject()) {
            return schema;
        }
        var copy = schema.deepCopy();
        var props = copy.path("properties");
        props.fields().forEachRemaining(p -> {
            if (p.getValue().has("type")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) p.getValue()).put("type",
                        p.getValue().path("type").asText().toLowerCase(Locale.ROOT));
            }
        });
        return copy == null ? JsonNodeFactory.instance.objectNode() : copy;
    }
}
