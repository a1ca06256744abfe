package dev.cch.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** Renders a {@link Reply} as the Anthropic Messages API does, as one JSON body or as its SSE event sequence. */
final class AnthropicWire implements Wire {
    private final ObjectMapper mapper;

    AnthropicWire(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String json(Reply r, String model, String id) {
        ObjectNode msg = message(r, model, id);
        ArrayNode content = msg.putArray("content");
        for (Reply.Block b : r.blocks()) {
            switch (b) {
                case Reply.Text t -> content.addObject().put("type", "text").put("text", t.text());
                case Reply.Thinking t -> content.addObject().put("type", "thinking").put("thinking", t.text())
                        .put("signature", t.signature());
                case Reply.ToolCall c -> {
                    ObjectNode tu = content.addObject().put("type", "tool_use").put("id", c.id()).put("name", c.name());
                    tu.set("input", readObject(c.argumentsJson()));
                }
            }
        }
        msg.put("stop_reason", r.stopReason());
        msg.putNull("stop_sequence");
        msg.set("usage", usage(r, r.outputTokens()));
        return msg.toString();
    }

    @Override
    public List<String> events(Reply r, String model, String id) {
        List<String> out = new ArrayList<>();
        ObjectNode start = mapper.createObjectNode().put("type", "message_start");
        ObjectNode msg = message(r, model, id);
        msg.putArray("content");
        msg.putNull("stop_reason");
        msg.putNull("stop_sequence");
        msg.set("usage", usage(r, 1));
        start.set("message", msg);
        out.add(frame("message_start", start));
        out.add("event: ping\ndata: {\"type\": \"ping\"}\n\n");
        int index = 0;
        for (Reply.Block b : r.blocks()) {
            ObjectNode cbs = mapper.createObjectNode().put("type", "content_block_start").put("index", index);
            switch (b) {
                case Reply.Text t -> {
                    cbs.putObject("content_block").put("type", "text").put("text", "");
                    out.add(frame("content_block_start", cbs));
                    for (String piece : Chunks.of(t.text(), 8)) {
                        out.add(delta(index, mapper.createObjectNode().put("type", "text_delta").put("text", piece)));
                    }
                }
                case Reply.Thinking t -> {
                    cbs.putObject("content_block").put("type", "thinking").put("thinking", "");
                    out.add(frame("content_block_start", cbs));
                    for (String piece : Chunks.of(t.text(), 12)) {
                        out.add(delta(index, mapper.createObjectNode().put("type", "thinking_delta").put("thinking", piece)));
                    }
                    out.add(delta(index, mapper.createObjectNode().put("type", "signature_delta").put("signature", t.signature())));
                }
                case Reply.ToolCall c -> {
                    cbs.putObject("content_block").put("type", "tool_use").put("id", c.id()).put("name", c.name())
                            .putObject("input");
                    out.add(frame("content_block_start", cbs));
                    for (String piece : Chunks.of(c.argumentsJson(), 10)) {
                        out.add(delta(index, mapper.createObjectNode().put("type", "input_json_delta").put("partial_json", piece)));
                    }
                }
            }
            out.add(frame("content_block_stop", mapper.createObjectNode().put("type", "content_block_stop").put("index", index)));
            index++;
        }
        ObjectNode md = mapper.createObjectNode().put("type", "message_delta");
        md.putObject("delta").put("stop_reason", r.stopReason()).putNull("stop_sequence");
        md.set("usage", usage(r, r.outputTokens()));
        out.add(frame("message_delta", md));
        out.add(frame("message_stop", mapper.createObjectNode().put("type", "message_stop")));
        return out;
    }

    @Override
    public String errorJson(int status, String message) {
        String type = switch (status) {
            case 400 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            case 529 -> "overloaded_error";
            default -> "api_error";
        };
        ObjectNode root = mapper.createObjectNode().put("type", "error");
        root.putObject("error").put("type", type).put("message", message);
        return root.toString();
    }

    @Override
    public String streamErrorEvent(String message) {
        return "event: error\ndata: " + errorJson(529, message) + "\n\n";
    }

    private ObjectNode message(Reply r, String model, String id) {
        ObjectNode msg = mapper.createObjectNode();
        msg.put("id", id).put("type", "message").put("role", "assistant").put("model", model);
        return msg;
    }

    private ObjectNode usage(Reply r, long output) {
        ObjectNode u = mapper.createObjectNode();
        u.put("input_tokens", r.inputTokens());
        u.put("cache_creation_input_tokens", r.cacheWrite());
        u.put("cache_read_input_tokens", r.cacheRead());
        u.putObject("cache_creation").put("ephemeral_5m_input_tokens", r.cacheWrite()).put("ephemeral_1h_input_tokens", 0);
        u.put("output_tokens", output);
        return u;
    }

    private String delta(int index, ObjectNode delta) {
        ObjectNode n = mapper.createObjectNode().put("type", "content_block_delta").put("index", index);
        n.set("delta", delta);
        return frame("content_block_delta", n);
    }

    private static String frame(String event, ObjectNode data) {
        return "event: " + event + "\ndata: " + data + "\n\n";
    }

    private ObjectNode readObject(String json) {
        try {
            return (ObjectNode) mapper.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("tool arguments must be a JSON object", e);
        }
    }
}
