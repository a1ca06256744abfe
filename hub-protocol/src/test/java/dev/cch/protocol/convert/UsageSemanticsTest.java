package dev.cch.protocol.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.ClientProtocol;
import dev.cch.protocol.ProviderType;
import dev.cch.protocol.usage.Usage;
import dev.cch.protocol.usage.UsageExtractor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each client sees usage in its own protocol's semantics, and the normalised usage survives the trip. */
class UsageSemanticsTest {
    static final String ANTHROPIC_REPLY = "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"ok\"}],"
            + "\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":100,\"cache_read_input_tokens\":2000,"
            + "\"cache_creation_input_tokens\":500,\"output_tokens\":40}}";
    final ObjectMapper mapper = new ObjectMapper();

    @Test
    void openAiChatPromptTokensIncludeCachedTokens() throws Exception {
        JsonNode u = convert(ClientProtocol.OPENAI_CHAT).path("usage");
        assertThat(u.path("prompt_tokens").asLong()).isEqualTo(2600);
        assertThat(u.path("prompt_tokens_details").path("cached_tokens").asLong()).isEqualTo(2000);
        assertThat(u.path("completion_tokens").asLong()).isEqualTo(40);
        assertThat(u.path("total_tokens").asLong()).isEqualTo(2640);
    }

    @Test
    void responsesInputTokensIncludeCachedTokens() throws Exception {
        JsonNode u = convert(ClientProtocol.OPENAI_RESPONSES).path("usage");
        assertThat(u.path("input_tokens").asLong()).isEqualTo(2600);
        assertThat(u.path("input_tokens_details").path("cached_tokens").asLong()).isEqualTo(2000);
    }

    @Test
    void geminiPromptTokenCountIncludesCachedContent() throws Exception {
        JsonNode u = convert(ClientProtocol.GEMINI).path("usageMetadata");
        assertThat(u.path("promptTokenCount").asLong()).isEqualTo(2600);
        assertThat(u.path("cachedContentTokenCount").asLong()).isEqualTo(2000);
        assertThat(u.path("totalTokenCount").asLong()).isEqualTo(2640);
    }

    @Test
    void normalisedUsageSurvivesEveryClientProtocol() throws Exception {
        Usage expected = new Usage(100, 40, 2000, 500, 0, 0);
        for (ClientProtocol p : new ClientProtocol[]{ClientProtocol.OPENAI_CHAT, ClientProtocol.OPENAI_RESPONSES}) {
            assertThat(UsageExtractor.fromResponse(p, convert(p))).as(p.wireName()).isEqualTo(expected);
        }
        // Gemini has no cache-write bucket: writes count as fresh input there
        assertThat(UsageExtractor.fromResponse(ClientProtocol.GEMINI, convert(ClientProtocol.GEMINI)))
                .isEqualTo(new Usage(600, 40, 2000, 0, 0, 0));
    }

    @Test
    void anthropicInputExcludesCacheReadsFromOpenAi() throws Exception {
        Converter c = Conversions.converter(ClientProtocol.ANTHROPIC, ProviderType.OPENAI_COMPATIBLE).orElseThrow();
        JsonNode chat = mapper.readTree("{\"id\":\"chatcmpl-1\",\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":2100,\"completion_tokens\":40,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":2000}}}");
        JsonNode u = mapper.readTree(c.response(chat, new Converter.ResponseContext("claude"))).path("usage");
        assertThat(u.path("input_tokens").asLong()).isEqualTo(100);
        assertThat(u.path("cache_read_input_tokens").asLong()).isEqualTo(2000);
        assertThat(u.path("output_tokens").asLong()).isEqualTo(40);
    }

    private JsonNode convert(ClientProtocol client) throws Exception {
        Converter c = Conversions.converter(client, ProviderType.CLAUDE).orElseThrow();
        return mapper.readTree(c.response(mapper.readTree(ANTHROPIC_REPLY), new Converter.ResponseContext("m")));
    }
}
