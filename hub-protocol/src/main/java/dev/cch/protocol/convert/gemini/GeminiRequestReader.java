package dev.cch.protocol.convert.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.protocol.convert.ConversionException;
import dev.cch.protocol.convert.common.Hashes;
import dev.cch.protocol.convert.common.Json;
import dev.cch.protocol.convert.dialect.RequestReader;
import dev.cch.protocol.convert.model.Conversation;
import dev.cch.protocol.convert.model.Part;
import dev.cch.protocol.convert.model.Reasoning;
import dev.cch.protocol.convert.model.Sampling;
import dev.cch.protocol.convert.model.ToolChoice;
import dev.cch.protocol.convert.model.ToolSpec;
import dev.cch.protocol.convert.model.Turn;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads a Gemini generateContent request. Function responses without ids pair with the oldest open call of that name. */
public final class GeminiRequestReader implements RequestReader {

    @Override
    public Conversation read(JsonNode b) throws ConversionException {
        JsonNode body = b.has("request") && b.path("request").isObject() ? b.path("request") : b;
        if (!body.path("contents").isArray()) {
            throw new ConversionException("contents must be an array");
        }
        List<String> system = new ArrayList<>();
        for (JsonNode p : body.path("systemInstruction").path("parts")) {
            String t = Json.text(p, "text");
            if (t != null) {
                system.add(t);
            }
        }
        List<Turn> turns = new ArrayList<>();
        Map<String, Deque<String>> openCalls = new HashMap<>();
        int i = 0;
        for (JsonNode content : body.path("contents")) {
            Turn.Role role = content.path("role").asText("user").equals("model") ? Turn.Role.ASSISTANT : Turn.Role.USER;
            List<Part> parts = new ArrayList<>();
            int j = 0;
            for (JsonNode part : content.path("parts")) {
                String seed = "request/" + i + "/" + j++;
                if (part.has("functionResponse")) {
                    parts.add(toolResult(part.path("functionResponse"), openCalls, seed));
                    continue;
                }
                GeminiParts.read(part, true, seed, parts);
                if (!parts.isEmpty() && parts.getLast() instanceof Part.ToolCall call && part.has("functionCall")) {
                    openCalls.computeIfAbsent(call.name(), k -> new ArrayDeque<>()).add(call.id());
                }
            }
            turns.add(new Turn(role, parts));
            i++;
        }
        return new Conversation(system, turns, tools(body), toolChoice(body), sampling(body), reasoning(body));
    }

    private static Part toolResult(JsonNode fr, Map<String, Deque<String>> openCalls, String seed) {
        String name = fr.path("name").asText();
        Deque<String> open = openCalls.get(name);
        String id = Json.text(fr, "id");
        if (id != null && open != null) {
            open.remove(id);
        } else if (open != null && !open.isEmpty()) {
            id = open.poll();
        } else if (id == null) {
            id = Hashes.id("call_", seed + "/" + name);
        }
        JsonNode response = fr.path("response");
        boolean error = response.has("error") && !response.has("output");
        String text = error ? GeminiParts.responseText(response.path("error").isTextual()
                ? Json.object().put("output", response.path("error").asText()) : response.path("error"))
                : GeminiParts.responseText(response);
        return new Part.ToolResult(id, List.of(new Part.Text(text)), error);
    }

    @Override
    public List<String> toolNames(JsonNode b) {
        JsonNode body = b.has("request") ? b.path("request") : b;
        List<String> names = new ArrayList<>();
        for (JsonNode t : body.path("tools")) {
            t.path("functionDeclarations").forEach(f -> names.add(f.path("name").asText()));
        }
        return names;
    }

    private static List<ToolSpec> tools(JsonNode b) {
        List<ToolSpec> tools = new ArrayList<>();
        for (JsonNode t : b.path("tools")) {
            for (JsonNode f : t.path("functionDeclarations")) {
                JsonNode schema = f.has("parametersJsonSchema") ? f.get("parametersJsonSchema")
                        : GeminiSchema.toJsonSchema(f.get("parameters"));
                tools.add(new ToolSpec(f.path("name").asText(), Json.text(f, "description"), schema));
            }
        }
        return tools;
    }

    private static ToolChoice toolChoice(JsonNode b) {
        JsonNode cfg = b.path("toolConfig").path("functionCallingConfig");
        if (!cfg.isObject()) {
            return null;
        }
        JsonNode allowed = cfg.path("allowedFunctionNames");
        return switch (cfg.path("mode").asText("AUTO")) {
            case "ANY" -> allowed.isArray() && allowed.size() == 1
                    ? new ToolChoice(ToolChoice.Mode.TOOL, allowed.get(0).asText(), null)
                    : ToolChoice.of(ToolChoice.Mode.ANY);
            case "NONE" -> ToolChoice.of(ToolChoice.Mode.NONE);
            default -> ToolChoice.of(ToolChoice.Mode.AUTO);
        };
    }

    private static Sampling sampling(JsonNode b) {
        JsonNode g = b.path("generationConfig");
        return new Sampling(Json.integer(g, "maxOutputTokens"), Json.number(g, "temperature"), Json.number(g, "topP"),
                Json.integer(g, "topK"), Json.strings(g.get("stopSequences")));
    }

    private static Reasoning reasoning(JsonNode b) {
        JsonNode t = b.path("generationConfig").path("thinkingConfig");
        if (!t.isObject()) {
            return null;
        }
        Integer budget = Json.integer(t, "thinkingBudget");
        String level = Json.text(t, "thinkingLevel");
        if (budget != null && budget == 0) {
            return Reasoning.OFF;
        }
        return new Reasoning(true, budget != null && budget > 0 ? budget : null,
                level == null ? null : level.toLowerCase(java.util.Locale.ROOT));
    }
}
