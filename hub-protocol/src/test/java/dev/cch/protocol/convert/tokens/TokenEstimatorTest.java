package dev.cch.protocol.convert.tokens;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.ClientProtocol;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenEstimatorTest {
    final ObjectMapper mapper = new ObjectMapper();
    final TokenEstimator estimator = new TokenEstimator(mapper);
    final String text = "x".repeat(400);

    @Test
    void countsRoughlyFourCharactersPerTokenInEveryProtocol() throws Exception {
        long anthropic = estimator.estimate(ClientProtocol.ANTHROPIC, mapper.readTree(
                "{\"system\":\"" + text + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}"));
        long chat = estimator.estimate(ClientProtocol.OPENAI_CHAT, mapper.readTree(
                "{\"messages\":[{\"role\":\"system\",\"content\":\"" + text + "\"},{\"role\":\"user\",\"content\":\"" + text + "\"}]}"));
        long responses = estimator.estimate(ClientProtocol.OPENAI_RESPONSES, mapper.readTree(
                "{\"instructions\":\"" + text + "\",\"input\":\"" + text + "\"}"));
        long gemini = estimator.estimate(ClientProtocol.GEMINI, mapper.readTree(
                "{\"systemInstruction\":{\"parts\":[{\"text\":\"" + text + "\"}]},\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"" + text + "\"}]}]}"));
        assertThat(anthropic).isBetween(200L, 210L).isEqualTo(chat).isEqualTo(responses).isEqualTo(gemini);
    }

    @Test
    void imagesCountAFixedAmountAndToolsCountTheirDefinitions() throws Exception {
        long plain = estimator.estimate(ClientProtocol.ANTHROPIC, mapper.readTree(
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));
        long image = estimator.estimate(ClientProtocol.ANTHROPIC, mapper.readTree(
                "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"},{\"type\":\"image\","
                        + "\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"" + "A".repeat(100000) + "\"}}]}]}"));
        long tools = estimator.estimate(ClientProtocol.ANTHROPIC, mapper.readTree(
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"tools\":[{\"name\":\"get_weather\",\"description\":\""
                        + text + "\",\"input_schema\":{\"type\":\"object\"}}]}"));
        assertThat(image - plain).isEqualTo(TokenEstimator.MEDIA_TOKENS);
        assertThat(tools - plain).isGreaterThan(100);
    }
}
