package dev.cch.protocol.convert.common;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cch.protocol.usage.Usage;

/**
 * Writes normalised usage in each protocol's own semantics. Anthropic buckets are disjoint; OpenAI and Gemini
 * count cached tokens (read and written) inside the prompt, and Gemini counts thoughts apart from candidates.
 */
public final class UsageJson {
    private UsageJson() {
    }

    public static ObjectNode anthropic(Usage u) {
        ObjectNode o = Json.object();
        o.put("input_tokens", u.input());
        o.put("cache_creation_input_tokens", u.cacheWrite());
        o.put("cache_read_input_tokens", u.cacheRead());
        o.put("output_tokens", u.output());
        return o;
    }

    public static ObjectNode openAiChat(Usage u) {
        ObjectNode o = Json.object();
        long prompt = u.contextTokens();
        o.put("prompt_tokens", prompt);
        o.put("completion_tokens", u.output());
        o.put("total_tokens", prompt + u.output());
        ObjectNode pd = o.putObject("prompt_tokens_details");
        pd.put("cached_tokens", u.cacheRead());
        if (u.cacheWrite() > 0) {
            pd.put("cache_write_tokens", u.cacheWrite()); // not in OpenAI's schema; kept so metering sees writes
        }
        o.putObject("completion_tokens_details").put("reasoning_tokens", u.reasoning());
        return o;
    }

    public static ObjectNode openAiResponses(Usage u) {
        ObjectNode o = Json.object();
        long in = u.contextTokens();
        o.put("input_tokens", in);
        ObjectNode id = o.putObject("input_tokens_details");
        id.put("cached_tokens", u.cacheRead());
        if (u.cacheWrite() > 0) {
            id.put("cache_write_tokens", u.cacheWrite());
        }
        o.put("output_tokens", u.output());
        o.putObject("output_tokens_details").put("reasoning_tokens", u.reasoning());
        o.put("total_tokens", in + u.output());
        return o;
    }

    public static ObjectNode gemini(Usage u) {
        ObjectNode o = Json.object();
        long prompt = u.contextTokens();
        o.put("promptTokenCount", prompt);
        o.put("candidatesTokenCount", Math.max(0, u.output() - u.reasoning()));
        o.put("totalTokenCount", prompt + u.output());
        if (u.cacheRead() > 0) {
            o.put("cachedContentTokenCount", u.cacheRead());
        }
        if (u.reasoning() > 0) {
            o.put("thoughtsTokenCount", u.reasoning());
        }
        return o;
    }
}
