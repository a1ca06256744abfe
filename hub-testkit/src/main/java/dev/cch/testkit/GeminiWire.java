package dev.cch.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link Reply} as Gemini generateContent does: a GenerateContentResponse, or one per SSE chunk with the
 * finishReason and usageMetadata on the last. Thinking becomes {@code thought:true} parts; the signature rides on
 * the next answer part as {@code thoughtSignature}, as Gemini does. Function calls come whole and without ids.
 */
final class GeminiWire implements Wire {
    private final ObjectMapper mapper;

    GeminiWire(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String idPrefix() {
        return "fake_";
    }

    @Override
    public String json(Reply r, String model, String id) {
        ArrayNode parts = mapper.createArrayNode();
        String signature = null;
        for (Reply.Block b : r.blocks()) {
            if (b instanceof Reply.Thinking t) {
                parts.add(mapper.createObjectNode().put("text", t.text()).put("thought", true));
                signature = t.signature();
                continue;
            }
            ObjectNode p = part(b);
            if (signature != null) {
                p.put("thoughtSignature", signature);
                signature = null;
            }
            parts.add(p);
        }
        return response(parts, r, model, id, true).toString();
    }

    @Override
    public List<String> events(Reply r, String model, String id) {
        List<ArrayNode> chunks = new ArrayList<>();
        String signature = null;
        for (Reply.Block b : r.blocks()) {
            switch (b) {
                case Reply.Thinking t -> {
                    for (String piece : Chunks.of(t.text(), 12)) {
                        chunks.add(mapper.createArrayNode().add(mapper.createObjectNode().put("text", piece).put("thought", true)));
                    }
                    signature = t.signature();
                }
                case Reply.Text t -> {
                    for (String piece : Chunks.of(t.text(), 8)) {
                        ObjectNode p = mapper.createObjectNode().put("text", piece);
                        if (signature != null) {
                            p.put("thoughtSignature", signature);
                            signature = null;
                        }
                        chunks.add(mapper.createArrayNode().add(p));
                    }
                }
                case Reply.ToolCall c -> {
                    ObjectNode p = part(c);
                    if (signature != null) {
                        p.put("thoughtSignature", signature);
                        signature = null;
                    }
                    chunks.add(mapper.createArrayNode().add(p));
                }
            }
        }
        if (chunks.isEmpty()) {
            chunks.add(mapper.createArrayNode().add(mapper.createObjectNode().put("text", "")));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            out.add(frame(response(chunks.get(i), r, model, id, i == chunks.size() - 1)));
        }
        return out;
    }

    @Override
    public String opening(Reply r, String model, String id) {
        ObjectNode n = mapper.createObjectNode();
        n.putObject("usageMetadata").put("promptTokenCount", prompt(r)).put("totalTokenCount", prompt(r));
        n.put("modelVersion", model).put("responseId", id);
        return frame(n);
    }

    /** Gemini's SSE frames end with CRLF pairs. */
    String frame(ObjectNode n) {
        return "data: " + n + "\r\n\r\n";
    }

    private ObjectNode part(Reply.Block b) {
        return switch (b) {
            case Reply.Text t -> mapper.createObjectNode().put("text", t.text());
            case Reply.Thinking t -> mapper.createObjectNode().put("text", t.text()).put("thought", true);
            case Reply.ToolCall c -> {
                ObjectNode p = mapper.createObjectNode();
                ObjectNode fc = p.putObject("functionCall").put("name", c.name());
                try {
                    fc.set("args", mapper.readTree(c.argumentsJson()));
                } catch (Exception e) {
                    throw new IllegalArgumentException("tool arguments must be JSON", e);
                }
                yield p;
            }
        };
    }

    private ObjectNode response(ArrayNode parts, Reply r, String model, String id, boolean last) {
        ObjectNode n = mapper.createObjectNode();
        ObjectNode cand = n.putArray("candidates").addObject();
        ObjectNode content = cand.putObject("content");
        content.set("parts", parts);
        content.put("role", "model");
        if (last) {
            cand.put("finishReason", r.stopReason().equals("max_tokens") ? "MAX_TOKENS" : "STOP");
        }
        cand.put("index", 0);
        if (last) {
            long prompt = prompt(r);
            ObjectNode u = n.putObject("usageMetadata").put("promptTokenCount", prompt)
                    .put("candidatesTokenCount", r.outputTokens()).put("totalTokenCount", prompt + r.outputTokens());
            if (r.cacheRead() > 0) {
                u.put("cachedContentTokenCount", r.cacheRead());
            }
            u.putArray("promptTokensDetails").addObject().put("modality", "TEXT").put("tokenCount", prompt);
        }
        n.put("modelVersion", model).put("responseId", id);
        return n;
    }

    private static long prompt(Reply r) {
        return r.inputTokens() + r.cacheRead() + r.cacheWrite();
    }

    @Override
    public String errorJson(int status, String message) {
        String s = switch (status) {
            case 400 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 503 -> "UNAVAILABLE";
            case 504 -> "DEADLINE_EXCEEDED";
            default -> "INTERNAL";
        };
        ObjectNode root = mapper.createObjectNode();
        root.putObject("error").put("code", status).put("message", message).put("status", s);
        return root.toString();
    }

    @Override
    public String streamErrorEvent(String message) {
        ObjectNode root = mapper.createObjectNode();
        root.putObject("error").put("code", 503).put("message", message).put("status", "UNAVAILABLE");
        return frame(root);
    }
}
