package dev.cch.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** The fake's model list, shaped like OpenAI's or (for clients that send anthropic-version) Anthropic's. */
final class ModelLists {
    static final List<String> MODELS = List.of("claude-sonnet-4-5", "claude-haiku-4-5", "gpt-5", "gemini-2.5-pro");

    private final ObjectMapper mapper;

    ModelLists(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    String openAi(String owner) {
        ObjectNode root = mapper.createObjectNode().put("object", "list");
        ArrayNode data = root.putArray("data");
        for (String m : MODELS) {
            data.addObject().put("id", m).put("object", "model").put("created", Wire.CREATED).put("owned_by", owner);
        }
        return root.toString();
    }

    String anthropic() {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode data = root.putArray("data");
        for (String m : MODELS) {
            data.addObject().put("type", "model").put("id", m).put("display_name", m)
                    .put("created_at", "2026-01-01T00:00:00Z");
        }
        root.put("has_more", false);
        root.put("first_id", MODELS.getFirst());
        root.put("last_id", MODELS.getLast());
        return root.toString();
    }
}
