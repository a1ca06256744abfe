package dev.cch.protocol.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.ClientProtocol;
import dev.cch.protocol.ProviderType;
import dev.cch.protocol.convert.common.ToolNames;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConversionsTest {
    static final String LONG = "mcp__github_enterprise_server__create_or_update_repository_file_contents_with_commit";
    final ObjectMapper mapper = new ObjectMapper();

    @Test
    void everyPairIsServedNativelyOrThroughAConverter() {
        for (ClientProtocol client : ClientProtocol.values()) {
            for (ProviderType provider : ProviderType.values()) {
                boolean nativeTraffic = provider.protocol() == client && provider != ProviderType.GEMINI_CLI;
                assertThat(Conversions.converter(client, provider).isEmpty()).as(client + " on " + provider).isEqualTo(nativeTraffic);
                assertThat(Conversions.canServe(provider, client)).isTrue();
            }
        }
    }

    @Test
    void geminiClientsReachGeminiCliThroughTheEnvelopeOnly() throws Exception {
        Converter c = Conversions.converter(ClientProtocol.GEMINI, ProviderType.GEMINI_CLI).orElseThrow();
        JsonNode req = mapper.readTree("{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}]}");
        JsonNode out = mapper.readTree(c.request(req, new Converter.RequestContext("gemini-2.5-pro", false, "proj-1")));
        assertThat(out.path("model").asText()).isEqualTo("gemini-2.5-pro");
        assertThat(out.path("project").asText()).isEqualTo("proj-1");
        assertThat(out.path("request")).isEqualTo(req);
        JsonNode inner = mapper.readTree("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"yo\"}]}}]}");
        byte[] body = c.response(mapper.createObjectNode().set("response", inner), new Converter.ResponseContext("g"));
        assertThat(mapper.readTree(body)).isEqualTo(inner);
    }

    @Test
    void longToolNamesAreShortenedOnTheWayOutAndRestoredOnTheWayBack() throws Exception {
        assertThat(ToolNames.shorten(LONG)).hasSize(64).startsWith(LONG.substring(0, 55)).isEqualTo(ToolNames.shorten(LONG));
        assertThat(ToolNames.shorten("short_name")).isEqualTo("short_name");
        Converter c = Conversions.converter(ClientProtocol.ANTHROPIC, ProviderType.OPENAI_COMPATIBLE).orElseThrow();
        JsonNode req = mapper.readTree("{\"model\":\"claude\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"go\"}],"
                + "\"tools\":[{\"name\":\"" + LONG + "\",\"input_schema\":{\"type\":\"object\"}}]}");
        JsonNode sent = mapper.readTree(c.request(req, new Converter.RequestContext("gpt-4.1", false)));
        String shortName = sent.path("tools").get(0).path("function").path("name").asText();
        assertThat(shortName).hasSize(64);
        JsonNode providerReply = mapper.readTree("{\"id\":\"chatcmpl-1\",\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":null,"
                + "\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"" + shortName
                + "\",\"arguments\":\"{}\"}}]},\"finish_reason\":\"tool_calls\"}]}");
        JsonNode back = mapper.readTree(c.response(providerReply, c.responseContext(req, "claude")));
        assertThat(back.path("content").get(0).path("name").asText()).isEqualTo(LONG);
        assertThat(back.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    @Test
    void chatRequestsThatStreamAskForUsage() throws Exception {
        Converter c = Conversions.converter(ClientProtocol.GEMINI, ProviderType.OPENAI_COMPATIBLE).orElseThrow();
        JsonNode req = mapper.readTree("{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}]}");
        JsonNode out = mapper.readTree(c.request(req, new Converter.RequestContext("gpt-4.1", true)));
        assertThat(out.path("stream").asBoolean()).isTrue();
        assertThat(out.path("stream_options").path("include_usage").asBoolean()).isTrue();
    }
}
