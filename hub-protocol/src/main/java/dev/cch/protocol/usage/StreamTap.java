package dev.cch.protocol.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.ClientProtocol;
import dev.cch.protocol.sse.SseEvent;

/**
 * Watches a response stream of one protocol as it passes: usage, the first content event (the commit point),
 * errors reported inside the stream, the stop reason and whether the stream ended properly. One per stream.
 */
public abstract class StreamTap {
    protected final ObjectMapper mapper;
    protected Usage usage = Usage.ZERO;
    protected boolean contentStarted;
    protected boolean completed;
    protected String error;
    protected String model;
    protected String stopReason;

    protected StreamTap(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public static StreamTap forProtocol(ClientProtocol protocol, ObjectMapper mapper) {
        return switch (protocol) {
            case ANTHROPIC -> new AnthropicStreamTap(mapper);
            case OPENAI_CHAT -> new OpenAiChatStreamTap(mapper);
            case OPENAI_RESPONSES -> new ResponsesStreamTap(mapper);
            case GEMINI -> new GeminiStreamTap(mapper);
        };
    }

    /** Observes one event. Never throws on malformed data: a bad event is recorded as an error. */
    public final void onEvent(SseEvent e) {
        if (e.isComment() || e.data() == null) {
            return;
        }
        try {
            observe(e);
        } catch (RuntimeException | java.io.IOException ex) {
            if (!contentStarted) {
                error = "malformed stream event";
            }
        }
    }

    protected abstract void observe(SseEvent e) throws java.io.IOException;

    /** Called when the upstream closed the stream; protocols without a terminal event decide completion here. */
    public void onEnd() {
    }

    protected JsonNode json(String data) throws java.io.IOException {
        return mapper.readTree(data);
    }

    public boolean contentStarted() {
        return contentStarted;
    }

    public boolean completed() {
        return completed;
    }

    /** An error the upstream reported inside the stream, or null. */
    public String error() {
        return error;
    }

    public Usage usage() {
        return usage;
    }

    public String model() {
        return model;
    }

    public String stopReason() {
        return stopReason;
    }

    static String text(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null : n.asText();
    }

    static String errorMessage(JsonNode err) {
        if (err == null || err.isMissingNode() || err.isNull()) {
            return null;
        }
        if (err.isTextual()) {
            return err.asText();
        }
        String m = text(err.get("message"));
        return m != null ? m : err.toString();
    }
}

final class AnthropicStreamTap extends StreamTap {
    private Usage startUsage = Usage.ZERO;

    AnthropicStreamTap(ObjectMapper mapper) {
        super(mapper);
    }

    @Override
    protected void observe(SseEvent e) throws java.io.IOException {
        String type = e.event();
        if (type == null) {
            JsonNode n = json(e.data());
            type = text(n.get("type"));
            if (type == null) {
                return;
            }
        }
        switch (type) {
            case "content_block_delta" -> contentStarted = true;
            case "content_block_start" -> {
                if (e.data().contains("\"tool_use\"") || e.data().contains("\"server_tool_use\"")) {
                    contentStarted = true;
                }
            }
            case "message_start" -> {
                JsonNode msg = json(e.data()).path("message");
                model = text(msg.get("model"));
                startUsage = UsageExtractor.anthropic(msg.path("usage"));
                usage = startUsage;
            }
            case "message_delta" -> {
                JsonNode n = json(e.data());
                String reason = text(n.path("delta").get("stop_reason"));
                if (reason != null) {
                    stopReason = reason;
                }
                JsonNode u = n.path("usage");
                if (u.isObject()) {
                    // the delta's counts are cumulative and win; fields it leaves out keep message_start's values
                    usage = new Usage(
                            u.has("input_tokens") ? u.path("input_tokens").asLong() : startUsage.input(),
                            u.path("output_tokens").asLong(usage.output()),
                            u.has("cache_read_input_tokens") ? u.path("cache_read_input_tokens").asLong() : startUsage.cacheRead(),
                            u.has("cache_creation_input_tokens") ? cache5m(u) : startUsage.cacheWrite5m(),
                            u.has("cache_creation_input_tokens") ? cache1h(u) : startUsage.cacheWrite1h(),
                            0);
                }
            }
            case "message_stop" -> completed = true;
            case "error" -> error = errorMessage(json(e.data()).get("error"));
            default -> { }
        }
    }

    private long cache5m(JsonNode u) {
        Usage x = UsageExtractor.anthropic(u);
        return x.cacheWrite5m();
    }

    private long cache1h(JsonNode u) {
        Usage x = UsageExtractor.anthropic(u);
        return x.cacheWrite1h();
    }
}

final class OpenAiChatStreamTap extends StreamTap {
    OpenAiChatStreamTap(ObjectMapper mapper) {
        super(mapper);
    }

    @Override
    protected void observe(SseEvent e) throws java.io.IOException {
        String data = e.data();
        if ("[DONE]".equals(data.trim())) {
            completed = true;
            return;
        }
        // after the commit point only chunks that may carry usage, a finish reason or an error need parsing
        if (contentStarted && !data.contains("\"usage\"") && !data.contains("\"finish_reason\":\"")
                && !data.contains("\"finish_reason\": \"") && !data.contains("\"error\"")) {
            return;
        }
        JsonNode n = json(data);
        if (n.has("error")) {
            error = errorMessage(n.get("error"));
            return;
        }
        if (model == null) {
            model = text(n.get("model"));
        }
        for (JsonNode choice : n.path("choices")) {
            JsonNode delta = choice.path("delta");
            if (hasText(delta.get("content")) || delta.has("tool_calls") || hasText(delta.get("reasoning_content"))
                    || hasText(delta.get("reasoning")) || hasText(delta.get("refusal"))) {
                contentStarted = true;
            }
            String finish = text(choice.get("finish_reason"));
            if (finish != null) {
                stopReason = finish;
            }
        }
        JsonNode u = n.get("usage");
        if (u != null && u.isObject()) {
            usage = UsageExtractor.openAiChat(u);
        }
    }

    private static boolean hasText(JsonNode n) {
        return n != null && n.isTextual() && !n.asText().isEmpty();
    }
}

final class ResponsesStreamTap extends StreamTap {
    ResponsesStreamTap(ObjectMapper mapper) {
        super(mapper);
    }

    @Override
    protected void observe(SseEvent e) throws java.io.IOException {
        String type = e.event();
        JsonNode n = null;
        if (type == null) {
            n = json(e.data());
            type = text(n.get("type"));
            if (type == null) {
                return;
            }
        }
        if (type.endsWith(".delta")) {
            contentStarted = true;
            return;
        }
        switch (type) {
            case "response.output_item.added" -> {
                if (e.data().contains("\"function_call\"") || e.data().contains("\"custom_tool_call\"")) {
                    contentStarted = true;
                }
            }
            case "response.created", "response.in_progress" -> {
                n = n != null ? n : json(e.data());
                String m = text(n.path("response").get("model"));
                if (m != null) {
                    model = m;
                }
            }
            case "response.completed", "response.incomplete" -> {
                n = n != null ? n : json(e.data());
                JsonNode r = n.path("response");
                model = text(r.get("model")) != null ? text(r.get("model")) : model;
                usage = UsageExtractor.openAiResponses(r.path("usage"));
                stopReason = "response.completed".equals(type) ? "completed"
                        : text(r.path("incomplete_details").get("reason"));
                completed = true;
            }
            case "response.failed" -> {
                n = n != null ? n : json(e.data());
                String m = errorMessage(n.path("response").get("error"));
                error = m != null ? m : "response.failed";
            }
            case "error" -> {
                n = n != null ? n : json(e.data());
                String m = errorMessage(n.has("error") ? n.get("error") : n);
                error = m != null ? m : "error";
            }
            default -> { }
        }
    }
}

final class GeminiStreamTap extends StreamTap {
    GeminiStreamTap(ObjectMapper mapper) {
        super(mapper);
    }

    @Override
    protected void observe(SseEvent e) throws java.io.IOException {
        JsonNode n = UsageExtractor.unwrapGemini(json(e.data()));
        if (n.has("error")) {
            error = errorMessage(n.get("error"));
            return;
        }
        if (model == null) {
            model = text(n.get("modelVersion"));
        }
        for (JsonNode c : n.path("candidates")) {
            for (JsonNode part : c.path("content").path("parts")) {
                if (part.has("text") || part.has("functionCall") || part.has("inlineData") || part.has("executableCode")) {
                    contentStarted = true;
                }
            }
            String finish = text(c.get("finishReason"));
            if (finish != null) {
                stopReason = finish;
            }
        }
        JsonNode u = n.get("usageMetadata");
        if (u != null && u.isObject()) {
            usage = UsageExtractor.gemini(u);
        }
    }

    @Override
    public void onEnd() {
        // Gemini has no terminal event: a stream that produced a finish reason ended properly
        completed = stopReason != null;
    }
}
