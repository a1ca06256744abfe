package dev.cch.protocol.convert.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.protocol.ClientProtocol;
import dev.cch.protocol.convert.ConversionException;
import dev.cch.protocol.convert.common.Json;
import dev.cch.protocol.convert.common.Signatures;
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

/** Reads an Anthropic Messages request. */
public final class AnthropicRequestReader implements RequestReader {

    @Override
    public Conversation read(JsonNode b) throws ConversionException {
        if (!b.path("messages").isArray()) {
            throw new ConversionException("messages must be an array");
        }
        List<String> system = new ArrayList<>();
        JsonNode sys = b.get("system");
        if (sys != null && sys.isTextual() && !sys.asText().isEmpty()) {
            system.add(sys.asText());
        } else if (sys != null && sys.isArray()) {
            sys.forEach(block -> system.add(block.path("text").asText("")));
        }
        List<Turn> turns = new ArrayList<>();
        for (JsonNode m : b.path("messages")) {
            String role = m.path("role").asText();
            if (role.equals("system")) {
                // Claude Code sends system entries inside messages; leading ones belong to the system prompt
                String text = contentText(m.path("content"));
                if (turns.isEmpty()) {
                    system.add(text);
                } else {
                    turns.add(new Turn(Turn.Role.SYSTEM, List.of(new Part.Text(text))));
                }
                continue;
            }
            turns.add(new Turn(role.equals("assistant") ? Turn.Role.ASSISTANT : Turn.Role.USER, parts(m.path("content"))));
        }
        return new Conversation(system, turns, tools(b), toolChoice(b.get("tool_choice")), sampling(b), reasoning(b));
    }

    @Override
    public List<String> toolNames(JsonNode b) {
        List<String> names = new ArrayList<>();
        b.path("tools").forEach(t -> names.add(t.path("name").asText()));
        return names;
    }

    static List<Part> parts(JsonNode content) {
        List<Part> parts = new ArrayList<>();
        if (content.isTextual()) {
            parts.add(new Part.Text(content.asText()));
            return parts;
        }
        for (JsonNode block : content) {
            switch (block.path("type").asText()) {
                case "text" -> parts.add(new Part.Text(block.path("text").asText("")));
                case "image", "document" -> {
                    Part media = media(block.path("source"));
                    if (media != null) {
                        parts.add(media);
                    }
                }
                case "thinking" -> parts.add(new Part.Thinking(block.path("thinking").asText(""),
                        Signatures.fromClient(ClientProtocol.ANTHROPIC, Json.text(block, "signature"))));
                case "tool_use" -> parts.add(new Part.ToolCall(block.path("id").asText(), block.path("name").asText(),
                        block.path("input").isObject() ? block.path("input").toString() : "{}"));
                case "tool_result" -> parts.add(new Part.ToolResult(block.path("tool_use_id").asText(),
                        parts(block.path("content").isMissingNode() ? Json.NODES.textNode("") : block.path("content")),
                        block.path("is_error").asBoolean(false)));
                default -> { } // redacted thinking and server tool blocks have no counterpart elsewhere
            }
        }
        return parts;
    }

    private static Part media(JsonNode source) {
        return switch (source.path("type").asText()) {
            case "base64" -> new Part.Media(source.path("media_type").asText(), source.path("data").asText(), null);
            case "url" -> new Part.Media(Json.text(source, "media_type"), null, source.path("url").asText());
            case "text" -> new Part.Text(source.path("data").asText(""));
            default -> null;
        };
    }

    private static String contentText(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode block : content) {
            if (block.has("text")) {
                if (!sb.isEmpty()) {
                    sb.append('\n');
                }
                sb.append(block.path("text").asText());
            }
        }
        return sb.toString();
    }

    private static List<ToolSpec> tools(JsonNode b) {
        List<ToolSpec> tools = new ArrayList<>();
        for (JsonNode t : b.path("tools")) {
            String type = Json.text(t, "type");
            if ((type == null || type.equals("custom")) && t.has("name")) {
                tools.add(new ToolSpec(t.path("name").asText(), Json.text(t, "description"), t.get("input_schema")));
            }
        }
        return tools;
    }

    private static ToolChoice toolChoice(JsonNode tc) {
        if (tc == null || !tc.isObject()) {
            return null;
        }
        Boolean parallel = tc.path("disable_parallel_tool_use").asBoolean(false) ? Boolean.FALSE : null;
        return switch (tc.path("type").asText()) {
            case "any" -> new ToolChoice(ToolChoice.Mode.ANY, null, parallel);
            case "tool" -> new ToolChoice(ToolChoice.Mode.TOOL, tc.path("name").asText(), parallel);
            case "none" -> ToolChoice.of(ToolChoice.Mode.NONE);
            default -> new ToolChoice(ToolChoice.Mode.AUTO, null, parallel);
        };
    }

    private static Sampling sampling(JsonNode b) {
        return new Sampling(Json.integer(b, "max_tokens"), Json.number(b, "temperature"), Json.number(b, "top_p"),
                Json.integer(b, "top_k"), Json.strings(b.get("stop_sequences")));
    }

    private static Reasoning reasoning(JsonNode b) {
        JsonNode t = b.get("thinking");
        if (t == null || !t.isObject()) {
            return null;
        }
        return switch (t.path("type").asText()) {
            case "enabled" -> new Reasoning(true, Json.integer(t, "budget_tokens"), null);
            case "adaptive" -> new Reasoning(true, null, Json.text(b.path("output_config"), "effort"));
            default -> Reasoning.OFF;
        };
    }
}
