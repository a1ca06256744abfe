package dev.cch.server.guard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.protocol.ClientProtocol;

import java.util.List;
import java.util.Map;

/**
 * The JSON types each protocol gives its well-known request fields, checked before any provider sees the body, so a
 * {@code "messages": "x"} or {@code "max_tokens": "10"} is the caller's 400 and never a converter failure. Fields
 * not listed pass through unchecked; {@code null} is accepted for optional fields, as the vendors' APIs do.
 */
final class FieldTypes {
    enum Kind {
        STRING("a string"), BOOLEAN("true or false"), INTEGER("an integer"), NUMBER("a number"),
        ARRAY("an array"), OBJECT("an object"), STRING_OR_ARRAY("a string or an array"),
        STRING_OR_OBJECT("a string or an object");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        boolean accepts(JsonNode v) {
            return switch (this) {
                case STRING -> v.isTextual();
                case BOOLEAN -> v.isBoolean();
                case INTEGER -> v.isIntegralNumber() || (v.isFloatingPointNumber() && Double.isFinite(v.doubleValue())
                        && v.doubleValue() == Math.rint(v.doubleValue()));
                case NUMBER -> v.isNumber() && (!v.isFloatingPointNumber() || Double.isFinite(v.doubleValue()));
                case ARRAY -> v.isArray();
                case OBJECT -> v.isObject();
                case STRING_OR_ARRAY -> v.isTextual() || v.isArray();
                case STRING_OR_OBJECT -> v.isTextual() || v.isObject();
            };
        }
    }

    /** A field's type; {@code turns} marks the conversation list whose entries are checked as turns. */
    record Rule(String field, Kind kind, boolean turns) {
    }

    private static final Map<ClientProtocol, List<Rule>> RULES = Map.of(
            ClientProtocol.ANTHROPIC, List.of(rule("model", Kind.STRING), turns("messages"),
                    rule("max_tokens", Kind.INTEGER), rule("stream", Kind.BOOLEAN), rule("system", Kind.STRING_OR_ARRAY),
                    rule("tools", Kind.ARRAY), rule("tool_choice", Kind.OBJECT), rule("metadata", Kind.OBJECT),
                    rule("temperature", Kind.NUMBER), rule("top_p", Kind.NUMBER), rule("top_k", Kind.INTEGER),
                    rule("stop_sequences", Kind.ARRAY), rule("thinking", Kind.OBJECT)),
            ClientProtocol.OPENAI_CHAT, List.of(rule("model", Kind.STRING), turns("messages"),
                    rule("stream", Kind.BOOLEAN), rule("max_tokens", Kind.INTEGER),
                    rule("max_completion_tokens", Kind.INTEGER), rule("n", Kind.INTEGER),
                    rule("temperature", Kind.NUMBER), rule("top_p", Kind.NUMBER), rule("tools", Kind.ARRAY),
                    rule("tool_choice", Kind.STRING_OR_OBJECT), rule("stream_options", Kind.OBJECT),
                    rule("stop", Kind.STRING_OR_ARRAY), rule("response_format", Kind.OBJECT),
                    rule("reasoning_effort", Kind.STRING), rule("user", Kind.STRING)),
            ClientProtocol.OPENAI_RESPONSES, List.of(rule("model", Kind.STRING), rule("input", Kind.STRING_OR_ARRAY),
                    rule("instructions", Kind.STRING), rule("stream", Kind.BOOLEAN),
                    rule("max_output_tokens", Kind.INTEGER), rule("tools", Kind.ARRAY),
                    rule("tool_choice", Kind.STRING_OR_OBJECT), rule("previous_response_id", Kind.STRING),
                    rule("reasoning", Kind.OBJECT), rule("text", Kind.OBJECT), rule("store", Kind.BOOLEAN),
                    rule("prompt_cache_key", Kind.STRING), rule("temperature", Kind.NUMBER),
                    rule("top_p", Kind.NUMBER), rule("metadata", Kind.OBJECT), rule("include", Kind.ARRAY),
                    rule("parallel_tool_calls", Kind.BOOLEAN)),
            ClientProtocol.GEMINI, List.of(rule("model", Kind.STRING), turns("contents"),
                    rule("generationConfig", Kind.OBJECT), rule("systemInstruction", Kind.STRING_OR_OBJECT),
                    rule("tools", Kind.ARRAY), rule("toolConfig", Kind.OBJECT), rule("safetySettings", Kind.ARRAY),
                    rule("request", Kind.OBJECT), rule("generateContentRequest", Kind.OBJECT)));

    private FieldTypes() {
    }

    /** What is wrong with the body's field types, or null if nothing. */
    static String problem(ClientProtocol protocol, JsonNode body) {
        String p = fields(protocol, body, "");
        if (p == null && protocol == ClientProtocol.GEMINI) {
            // the Code Assist envelope and countTokens carry a whole generate request one level down
            for (String inner : List.of("request", "generateContentRequest")) {
                JsonNode n = body.get(inner);
                if (n != null && n.isObject() && p == null) {
                    p = fields(protocol, n, inner + ".");
                }
            }
        }
        if (p == null) {
            p = missing(protocol, body);
        }
        return p;
    }

    /** The conversation itself is required: without it no provider, converted or not, can answer. */
    private static String missing(ClientProtocol protocol, JsonNode body) {
        return switch (protocol) {
            case ANTHROPIC, OPENAI_CHAT -> present(body.get("messages")) ? null : "\"messages\" is required";
            case OPENAI_RESPONSES -> present(body.get("input")) ? null : "\"input\" is required";
            case GEMINI -> present(body.get("contents")) || present(body.path("request").get("contents"))
                    || present(body.path("generateContentRequest").get("contents")) ? null : "\"contents\" is required";
        };
    }

    private static String fields(ClientProtocol protocol, JsonNode body, String prefix) {
        for (Rule r : RULES.get(protocol)) {
            JsonNode v = body.get(r.field());
            if (!present(v)) {
                continue;
            }
            if (!r.kind().accepts(v)) {
                return "\"" + prefix + r.field() + "\" must be " + r.kind().description + ", not " + typeOf(v);
            }
            if (r.turns() && v.isArray()) {
                String p = turnsProblem(protocol, v, prefix + r.field());
                if (p != null) {
                    return p;
                }
            }
        }
        return null;
    }

    /** Each turn is an object with a string role and content in the protocol's form. */
    private static String turnsProblem(ClientProtocol protocol, JsonNode turns, String field) {
        for (int i = 0; i < turns.size(); i++) {
            JsonNode t = turns.get(i);
            String at = "\"" + field + "[" + i + "]";
            if (!t.isObject()) {
                return at + "\" must be an object, not " + typeOf(t);
            }
            JsonNode role = t.get("role");
            if (present(role) && !role.isTextual()) {
                return at + ".role\" must be a string, not " + typeOf(role);
            }
            String contentField = protocol == ClientProtocol.GEMINI ? "parts" : "content";
            Kind kind = protocol == ClientProtocol.GEMINI ? Kind.ARRAY : Kind.STRING_OR_ARRAY;
            JsonNode content = t.get(contentField);
            if (present(content) && !kind.accepts(content)) {
                return at + "." + contentField + "\" must be " + kind.description + ", not " + typeOf(content);
            }
            if (present(content) && content.isArray()) {
                for (int k = 0; k < content.size(); k++) {
                    if (!content.get(k).isObject() && !(protocol == ClientProtocol.OPENAI_CHAT && content.get(k).isTextual())) {
                        return at + "." + contentField + "[" + k + "]\" must be an object, not " + typeOf(content.get(k));
                    }
                }
            }
        }
        return null;
    }

    private static boolean present(JsonNode v) {
        return v != null && !v.isNull();
    }

    private static String typeOf(JsonNode v) {
        return switch (v.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static Rule rule(String field, Kind kind) {
        return new Rule(field, kind, false);
    }

    private static Rule turns(String field) {
        return new Rule(field, Kind.ARRAY, true);
    }
}
