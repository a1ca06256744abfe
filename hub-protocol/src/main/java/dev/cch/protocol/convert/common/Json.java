package dev.cch.protocol.convert.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** Null-safe reads of optional JSON fields and small builders, shared by the protocol dialects. */
public final class Json {
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** The field as text, or null when absent, null or not a scalar. */
    public static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    public static String text(JsonNode n, String field, String fallback) {
        String v = text(n, field);
        return v == null ? fallback : v;
    }

    public static Integer integer(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v != null && v.isNumber() ? v.asInt() : null;
    }

    public static Double number(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v != null && v.isNumber() ? v.asDouble() : null;
    }

    public static Boolean bool(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v != null && v.isBoolean() ? v.asBoolean() : null;
    }

    /** A string or an array of strings as a list. */
    public static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull() || n.isMissingNode()) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(s -> out.add(s.asText()));
        } else {
            out.add(n.asText());
        }
        return out;
    }

    public static void putIfNotNull(ObjectNode o, String field, Integer v) {
        if (v != null) {
            o.put(field, v);
        }
    }

    public static void putIfNotNull(ObjectNode o, String field, Double v) {
        if (v != null) {
            o.put(field, v);
        }
    }

    public static void putIfNotNull(ObjectNode o, String field, String v) {
        if (v != null) {
            o.put(field, v);
        }
    }

    /** Parses tool-call arguments; anything that is not a JSON object becomes an empty object. */
    public static ObjectNode argumentsObject(com.fasterxml.jackson.databind.ObjectMapper mapper, String json) {
        if (json == null || json.isBlank()) {
            return object();
        }
        try {
            JsonNode n = mapper.readTree(json);
            return n instanceof ObjectNode o ? o : object();
        } catch (java.io.IOException e) {
            return object();
        }
    }
}
