package dev.cch.protocol.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.ClientProtocol;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UsageExtractorTest {
    final ObjectMapper m = new ObjectMapper();

    JsonNode json(String s) throws Exception {
        return m.readTree(s);
    }

    @Test
    void anthropicBucketsAreDisjointAndSplitByCacheTtl() throws Exception {
        Usage u = UsageExtractor.fromResponse(ClientProtocol.ANTHROPIC, json("""
                {"usage":{"input_tokens":10,"output_tokens":5,"cache_read_input_tokens":100,
                 "cache_creation_input_tokens":30,"cache_creation":{"ephemeral_5m_input_tokens":20,"ephemeral_1h_input_tokens":10}}}"""));
        assertThat(u).isEqualTo(new Usage(10, 5, 100, 20, 10, 0));
    }

    @Test
    void anthropicCacheCreationWithoutDetailCountsAsFiveMinutes() throws Exception {
        Usage u = UsageExtractor.anthropic(json("{\"input_tokens\":1,\"output_tokens\":2,\"cache_creation_input_tokens\":7}"));
        assertThat(u.cacheWrite5m()).isEqualTo(7);
        assertThat(u.cacheWrite1h()).isZero();
    }

    @Test
    void openAiChatCachedTokensAreSubtractedFromPrompt() throws Exception {
        Usage u = UsageExtractor.fromResponse(ClientProtocol.OPENAI_CHAT, json("""
                {"usage":{"prompt_tokens":1000,"completion_tokens":50,"prompt_tokens_details":{"cached_tokens":800},
                 "completion_tokens_details":{"reasoning_tokens":20}}}"""));
        assertThat(u).isEqualTo(new Usage(200, 50, 800, 0, 0, 20));
    }

    @Test
    void responsesCachedTokensAreSubtractedFromInput() throws Exception {
        Usage u = UsageExtractor.fromResponse(ClientProtocol.OPENAI_RESPONSES, json("""
                {"usage":{"input_tokens":500,"output_tokens":40,"input_tokens_details":{"cached_tokens":100},
                 "output_tokens_details":{"reasoning_tokens":30}}}"""));
        assertThat(u).isEqualTo(new Usage(400, 40, 100, 0, 0, 30));
    }

    @Test
    void geminiCountsThoughtsAsOutputAndUnwrapsCodeAssist() throws Exception {
        String body = "{\"usageMetadata\":{\"promptTokenCount\":300,\"cachedContentTokenCount\":100,"
                + "\"candidatesTokenCount\":20,\"thoughtsTokenCount\":15}}";
        Usage direct = UsageExtractor.fromResponse(ClientProtocol.GEMINI, json(body));
        Usage wrapped = UsageExtractor.fromResponse(ClientProtocol.GEMINI, json("{\"response\":" + body + "}"));
        assertThat(direct).isEqualTo(new Usage(200, 35, 100, 0, 0, 15)).isEqualTo(wrapped);
    }

    @Test
    void missingUsageIsZero() throws Exception {
        assertThat(UsageExtractor.fromResponse(ClientProtocol.ANTHROPIC, json("{}")).isZero()).isTrue();
        assertThat(UsageExtractor.fromResponse(ClientProtocol.OPENAI_CHAT, null).isZero()).isTrue();
    }
}
