package dev.cch.protocol.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.ClientProtocol;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorBodiesTest {
    final ObjectMapper m = new ObjectMapper();
    final ErrorBodies bodies = new ErrorBodies(m);
    final HubError limit = new HubError(429, ErrorType.RATE_LIMIT, "RPM limit of 10 reached", "rate_limit_exceeded",
            Map.of("limit_type", "rpm"));

    @Test
    void anthropicShape() throws Exception {
        JsonNode n = m.readTree(bodies.render(ClientProtocol.ANTHROPIC, limit));
        assertThat(n.path("type").asText()).isEqualTo("error");
        assertThat(n.path("error").path("type").asText()).isEqualTo("rate_limit_error");
        assertThat(n.path("error").path("message").asText()).isEqualTo("RPM limit of 10 reached");
        assertThat(n.path("error").path("limit_type").asText()).isEqualTo("rpm");
    }

    @Test
    void openAiShape() throws Exception {
        JsonNode n = m.readTree(bodies.render(ClientProtocol.OPENAI_CHAT, limit));
        assertThat(n.path("error").path("type").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(n.path("error").path("code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(n.path("error").has("param")).isTrue();
    }

    @Test
    void geminiShape() throws Exception {
        JsonNode n = m.readTree(bodies.render(ClientProtocol.GEMINI, limit));
        assertThat(n.path("error").path("code").asInt()).isEqualTo(429);
        assertThat(n.path("error").path("status").asText()).isEqualTo("RESOURCE_EXHAUSTED");
    }

    @Test
    void streamErrorIsOneEvent() {
        String s = new String(bodies.renderStreamEvent(ClientProtocol.ANTHROPIC, limit));
        assertThat(s).startsWith("event: error\ndata: {").endsWith("}\n\n");
    }
}
