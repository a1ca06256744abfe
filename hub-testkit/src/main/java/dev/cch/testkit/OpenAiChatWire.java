package dev.cch.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link Reply} as OpenAI Chat Completions does: a {@code chat.completion} body, or
 * {@code chat.completion.chunk}s ending with a usage chunk (when {@code stream_options.include_usage}) and
 * {@code data: [DONE]}. Thinking is rendered as {@code reasoning_content}, as reasoning-capable compatible servers do.
 */
final class OpenAiChatWire implements Wire {
    private static final String FINGERPRINT = "fp_fake0001";
    private final ObjectMapper mapper;

    OpenAiChatWire(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String idPrefix() {
        return "chatcmpl-fake_";
    }

    @Override
    public String json(Reply r, String model, String id) {
        ObjectNode root = base(id, model, "chat.completion");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        ObjectNode msg = choice.putObject("message").put("role", "assistant");
        StringBuilder text = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        ArrayNode calls = mapper.createArrayNode();
        for (Reply.Block b : r.blocks()) {
            switch (b) {
                case Reply.Text t -> text.append(t.text());
                case Reply.Thinking t -> reasoning.append(t.text());
                case Reply.ToolCall c -> calls.addObject().put("id", c.id()).put("type", "function")
                        .putObject("function").put("name", c.name()).put("arguments", c.argumentsJson());
            }
        }
        if (text.isEmpty() && !calls.isEmpty()) {
            msg.putNull("content");
        } else {
            msg.put("content", text.toString());
        }
        if (!reasoning.isEmpty()) {
            msg.put("reasoning_content", reasoning.toString());
        }
        if (!calls.isEmpty()) {
            msg.set("tool_calls", calls);
        }
        msg.putNull("refusal");
        msg.putArray("annotations");
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason(r.stopReason()));
        root.set("usage", usage(r));
        root.put("service_tier", "default");
        root.put("system_fingerprint", FINGERPRINT);
        return root.toString();
    }

    @Override
    public List<String> events(Reply r, String model, String id) {
        return events(r, model, id, true);
    }

    @Override
    public List<String> events(Reply r, String model, String id, JsonNode request) {
        return events(r, model, id, request.path("stream_options").path("include_usage").asBoolean(false));
    }

    private List<String> events(Reply r, String model, String id, boolean includeUsage) {
        List<String> out = new ArrayList<>();
        ObjectNode first = mapper.createObjectNode().put("role", "assistant").put("content", "");
        first.putNull("refusal");
        out.add(chunk(id, model, first, null, includeUsage));
        int toolIndex = 0;
        for (Reply.Block b : r.blocks()) {
            switch (b) {
                case Reply.Text t -> {
                    for (String piece : Chunks.of(t.text(), 8)) {
                        out.add(chunk(id, model, mapper.createObjectNode().put("content", piece), null, includeUsage));
                    }
                }
                case Reply.Thinking t -> {
                    for (String piece : Chunks.of(t.text(), 12)) {
                        out.add(chunk(id, model, mapper.createObjectNode().put("reasoning_content", piece), null, includeUsage));
                    }
                }
                case Reply.ToolCall c -> {
                    ObjectNode d = mapper.createObjectNode();
                    ObjectNode tc = d.putArray("tool_calls").addObject().put("index", toolIndex).put("id", c.id())
                            .put("type", "function");
                    tc.putObject("function").put("name", c.name()).put("arguments", "");
                    out.add(chunk(id, model, d, null, includeUsage));
                    for (String piece : Chunks.of(c.argumentsJson(), 10)) {
                        ObjectNode a = mapper.createObjectNode();
                        a.putArray("tool_calls").addObject().put("index", toolIndex).putObject("function").put("arguments", piece);
                        out.add(chunk(id, model, a, null, includeUsage));
                    }
                    toolIndex++;
                }
            }
        }
        out.add(chunk(id, model, mapper.createObjectNode(), finishReason(r.stopReason()), includeUsage));
        if (includeUsage) {
            ObjectNode u = base(id, model, "chat.completion.chunk");
            u.putArray("choices");
            u.set("usage", usage(r));
            out.add("data: " + u + "\n\n");
        }
        out.add("data: [DONE]\n\n");
        return out;
    }

    private String chunk(String id, String model, ObjectNode delta, String finish, boolean includeUsage) {
        ObjectNode n = base(id, model, "chat.completion.chunk");
        ObjectNode choice = n.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        if (finish == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finish);
        }
        if (includeUsage) {
            n.putNull("usage"); // OpenAI sends usage:null on every chunk but the last when usage was asked for
        }
        return "data: " + n + "\n\n";
    }

    private ObjectNode base(String id, String model, String object) {
        ObjectNode n = mapper.createObjectNode().put("id", id).put("object", object).put("created", CREATED)
                .put("model", model);
        if (object.equals("chat.completion.chunk")) {
            n.put("service_tier", "default").put("system_fingerprint", FINGERPRINT);
        }
        return n;
    }

    private ObjectNode usage(Reply r) {
        long prompt = r.inputTokens() + r.cacheRead() + r.cacheWrite();
        ObjectNode u = mapper.createObjectNode().put("prompt_tokens", prompt).put("completion_tokens", r.outputTokens())
                .put("total_tokens", prompt + r.outputTokens());
        u.putObject("prompt_tokens_details").put("cached_tokens", r.cacheRead()).put("audio_tokens", 0);
        u.putObject("completion_tokens_details").put("reasoning_tokens", 0).put("audio_tokens", 0)
                .put("accepted_prediction_tokens", 0).put("rejected_prediction_tokens", 0);
        return u;
    }

    static String finishReason(String stopReason) {
        return switch (stopReason) {
            case "max_tokens" -> "length";
            case "tool_use" -> "tool_calls";
            default -> "stop";
        };
    }

    @Override
    public String errorJson(int status, String message) {
        String type = switch (status) {
            case 400, 404 -> "invalid_request_error";
            case 401 -> "invalid_request_error";
            case 403 -> "permission_error";
            case 429 -> "rate_limit_exceeded";
            default -> "server_error";
        };
        ObjectNode root = mapper.createObjectNode();
        ObjectNode err = root.putObject("error").put("message", message).put("type", type);
        err.putNull("param");
        if (status == 401) {
            err.put("code", "invalid_api_key");
        } else {
            err.putNull("code");
        }
        return root.toString();
    }

    @Override
    public String streamErrorEvent(String message) {
        return "data: " + errorJson(500, message) + "\n\n";
    }
}
