package dev.cch.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Makes tool-call arguments that satisfy a JSON schema's required properties. */
final class ToolArguments {
    private ToolArguments() {
    }

    static String forSchema(JsonNode schema) {
        ObjectNode args = JsonNodeFactory.instance.objectNode();
        JsonNode props = schema.path("properties");
        JsonNode required = schema.path("required");
        Iterable<JsonNode> names = required.isArray() && !required.isEmpty() ? required : null;
        if (names == null) {
            props.fieldNames().forEachRemaining(n -> fill(args, n, props.path(n)));
        } else {
            for (JsonNode n : names) {
                fill(args, n.asText(), props.path(n.asText()));
            }
        }
        return args.toString();
    }

    private static void fill(ObjectNode args, String name, JsonNode prop) {
        String type = prop.path("type").asText("string").toLowerCase(java.util.Locale.ROOT);
        switch (type) {
            case "integer", "number" -> args.put(name, 1);
            case "boolean" -> args.put(name, true);
            case "array" -> args.putArray(name);
            case "object" -> args.putObject(name);
            default -> {
                JsonNode en = prop.path("enum");
                args.put(name, en.isArray() && !en.isEmpty() ? en.get(0).asText() : "Paris");
            }
        }
    }

    /** The text of the tool results in an Anthropic user message. */
    static String toolResultText(JsonNode message) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode block : message.path("content")) {
            if ("tool_result".equals(block.path("type").asText())) {
                JsonNode c = block.path("content");
                if (c.isTextual()) {
                    sb.append(c.asText());
                } else {
                    for (JsonNode part : c) {
                        sb.append(part.path("text").asText(""));
                    }
                }
            }
        }
        return sb.toString();
    }
}
