package dev.cch.protocol.convert.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cch.protocol.convert.common.Json;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Gemini's function parameters are an OpenAPI subset and reject JSON-schema keywords it does not know ($schema,
 * additionalProperties, const, oneOf, ...): this keeps the supported ones and rewrites the common others.
 */
public final class GeminiSchema {
    private static final Set<String> KEPT = Set.of("type", "format", "title", "description", "nullable", "enum",
            "maxItems", "minItems", "properties", "required", "minProperties", "maxProperties", "minLength",
            "maxLength", "pattern", "example", "anyOf", "propertyOrdering", "default", "items", "minimum", "maximum");
    private static final Set<String> STRING_FORMATS = Set.of("enum", "date-time");

    private GeminiSchema() {
    }

    /** A schema Gemini accepts, from a JSON schema. */
    public static JsonNode clean(JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            return Json.object().put("type", "object").set("properties", Json.object());
        }
        return cleanNode(schema);
    }

    private static ObjectNode cleanNode(JsonNode s) {
        ObjectNode out = Json.object();
        JsonNode type = s.get("type");
        if (type != null && type.isArray()) {
            // ["string","null"] becomes type string, nullable
            for (JsonNode t : type) {
                if (t.asText().equals("null")) {
                    out.put("nullable", true);
                } else if (!out.has("type")) {
                    out.put("type", t.asText());
                }
            }
        }
        if (s.has("const")) {
            out.putArray("enum").add(s.get("const"));
        }
        if (s.has("oneOf") && !s.has("anyOf")) {
            out.set("anyOf", cleanArray(s.get("oneOf")));
        }
        Iterator<Map.Entry<String, JsonNode>> it = s.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            String k = f.getKey();
            JsonNode v = f.getValue();
            if (!KEPT.contains(k) || out.has(k)) {
                continue;
            }
            switch (k) {
                case "properties" -> {
                    ObjectNode props = out.putObject("properties");
                    v.fields().forEachRemaining(p -> props.set(p.getKey(), cleanNode(p.getValue())));
                }
                case "items" -> out.set("items", v.isObject() ? cleanNode(v) : v);
                case "anyOf" -> out.set("anyOf", cleanArray(v));
                case "format" -> {
                    if (!"string".equals(s.path("type").asText()) || STRING_FORMATS.contains(v.asText())) {
                        out.set(k, v);
                    }
                }
                case "enum" -> {
                    ArrayNode e = out.putArray("enum");
                    v.forEach(x -> e.add(x.asText())); // Gemini enums are strings
                }
                default -> out.set(k, v);
            }
        }
        return out;
    }

    private static ArrayNode cleanArray(JsonNode arr) {
        ArrayNode out = Json.array();
        arr.forEach(x -> out.add(cleanNode(x)));
        return out;
    }

    /**
     * A JSON schema from a Gemini schema: OpenAPI type names (OBJECT, STRING) become lower case and
     * {@code nullable} becomes a {@code null} type.
     */
    public static JsonNode toJsonSchema(JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            return schema;
        }
        ObjectNode out = schema.deepCopy();
        lowerTypes(out);
        return out;
    }

    private static void lowerTypes(JsonNode n) {
        if (n instanceof ObjectNode o) {
            JsonNode t = o.get("type");
            if (t != null && t.isTextual()) {
                String type = t.asText().toLowerCase(java.util.Locale.ROOT);
                if (o.path("nullable").asBoolean(false)) {
                    o.remove("nullable");
                    o.putArray("type").add(type).add("null");
                } else {
                    o.put("type", type);
                }
            }
            JsonNode props = o.get("properties");
            if (props != null) {
                props.forEach(GeminiSchema::lowerTypes);
            }
            if (o.has("items")) {
                lowerTypes(o.get("items"));
            }
            if (o.has("anyOf")) {
                o.get("anyOf").forEach(GeminiSchema::lowerTypes);
            }
        }
    }
}
