package dev.cch.protocol.usage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.protocol.ClientProtocol;

/**
 * Reads usage from a protocol's usage object into the normalised {@link Usage}. OpenAI and Gemini count cached
 * tokens inside the prompt; they are subtracted here so that buckets are disjoint.
 */
public final class UsageExtractor {
    private UsageExtractor() {
    }

    /** Usage from a complete (non-streaming) response body of the given protocol. */
    public static Usage fromResponse(ClientProtocol protocol, JsonNode body) {
        if (body == null || !body.isObject()) {
            return Usage.ZERO;
        }
        return switch (protocol) {
            case ANTHROPIC -> anthropic(body.path("usage"));
            case OPENAI_CHAT -> openAiChat(body.path("usage"));
            case OPENAI_RESPONSES -> openAiResponses(body.path("usage"));
            case GEMINI -> gemini(unwrapGemini(body).path("usageMetadata"));
        };
    }

    /** Gemini CLI (Code Assist) wraps the response as {@code {"response": {...}}}. */
    public static JsonNode unwrapGemini(JsonNode body) {
        JsonNode inner = body.get("response");
        return inner != null && inner.isObject() ? inner : body;
    }

    public static Usage anthropic(JsonNode u) {
        if (u == null || !u.isObject()) {
            return Usage.ZERO;
        }
        long input = u.path("input_tokens").asLong(0);
        long output = u.path("output_tokens").asLong(0);
        long cacheRead = u.path("cache_read_input_tokens").asLong(0);
        long creation = u.path("cache_creation_input_tokens").asLong(0);
        JsonNode detail = u.path("cache_creation");
        long w5 = creation;
        long w1 = 0;
        if (detail.isObject() && (detail.has("ephemeral_5m_input_tokens") || detail.has("ephemeral_1h_input_tokens"))) {
            w5 = detail.path("ephemeral_5m_input_tokens").asLong(0);
            w1 = detail.path("ephemeral_1h_input_tokens").asLong(0);
            long unclassified = creation - w5 - w1;
            if (unclassified > 0) {
                w5 += unclassified;
            }
        }
        return new Usage(input, output, cacheRead, w5, w1, 0);
    }

    public static Usage openAiChat(JsonNode u) {
        if (u == null || !u.isObject()) {
            return Usage.ZERO;
        }
        long prompt = u.path("prompt_tokens").asLong(0);
        long completion = u.path("completion_tokens").asLong(0);
        long cached = u.path("prompt_tokens_details").path("cached_tokens").asLong(0);
        long cacheWrite = u.path("prompt_tokens_details").path("cache_write_tokens").asLong(0);
        long reasoning = u.path("completion_tokens_details").path("reasoning_tokens").asLong(0);
        return new Usage(Math.max(0, prompt - cached - cacheWrite), completion, cached, cacheWrite, 0, reasoning);
    }

    public static Usage openAiResponses(JsonNode u) {
        if (u == null || !u.isObject()) {
            return Usage.ZERO;
        }
        long in = u.path("input_tokens").asLong(0);
        long out = u.path("output_tokens").asLong(0);
        long cached = u.path("input_tokens_details").path("cached_tokens").asLong(0);
        long cacheWrite = u.path("input_tokens_details").path("cache_write_tokens").asLong(0);
        long reasoning = u.path("output_tokens_details").path("reasoning_tokens").asLong(0);
        return new Usage(Math.max(0, in - cached - cacheWrite), out, cached, cacheWrite, 0, reasoning);
    }

    public static Usage gemini(JsonNode u) {
        if (u == null || !u.isObject()) {
            return Usage.ZERO;
        }
        long prompt = u.path("promptTokenCount").asLong(0);
        long cached = u.path("cachedContentTokenCount").asLong(0);
        long candidates = u.path("candidatesTokenCount").asLong(0);
        long thoughts = u.path("thoughtsTokenCount").asLong(0);
        return new Usage(Math.max(0, prompt - cached), candidates + thoughts, cached, 0, 0, thoughts);
    }
}
