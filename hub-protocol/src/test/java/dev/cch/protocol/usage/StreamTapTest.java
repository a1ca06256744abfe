package dev.cch.protocol.usage;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.ClientProtocol;
import dev.cch.protocol.sse.SseEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StreamTapTest {
    final ObjectMapper m = new ObjectMapper();

    @Test
    void anthropicStreamMergesStartAndDeltaUsage() {
        StreamTap tap = StreamTap.forProtocol(ClientProtocol.ANTHROPIC, m);
        tap.onEvent(SseEvent.of("message_start", "{\"type\":\"message_start\",\"message\":{\"model\":\"claude-x\",\"usage\":"
                + "{\"input_tokens\":40,\"cache_read_input_tokens\":9,\"cache_creation_input_tokens\":3,\"output_tokens\":1}}}"));
        assertThat(tap.contentStarted()).isFalse();
        tap.onEvent(SseEvent.of("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
        assertThat(tap.contentStarted()).isFalse();
        tap.onEvent(SseEvent.of("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"hi\"}}"));
        assertThat(tap.contentStarted()).isTrue();
        tap.onEvent(SseEvent.of("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":12}}"));
        tap.onEvent(SseEvent.of("message_stop", "{\"type\":\"message_stop\"}"));
        assertThat(tap.usage()).isEqualTo(new Usage(40, 12, 9, 3, 0, 0));
        assertThat(tap.completed()).isTrue();
        assertThat(tap.stopReason()).isEqualTo("end_turn");
        assertThat(tap.model()).isEqualTo("claude-x");
    }

    @Test
    void toolUseStartCountsAsContent() {
        StreamTap tap = StreamTap.forProtocol(ClientProtocol.ANTHROPIC, m);
        tap.onEvent(SseEvent.of("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"f\",\"input\":{}}}"));
        assertThat(tap.contentStarted()).isTrue();
    }

    @Test
    void errorEventBeforeContentIsReported() {
        StreamTap tap = StreamTap.forProtocol(ClientProtocol.ANTHROPIC, m);
        tap.onEvent(SseEvent.of("error", "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"));
        assertThat(tap.error()).isEqualTo("Overloaded");
        assertThat(tap.contentStarted()).isFalse();
    }

    @Test
    void malformedEventIsAnErrorNotAnException() {
        StreamTap tap = StreamTap.forProtocol(ClientProtocol.ANTHROPIC, m);
        tap.onEvent(SseEvent.of("message_start", "{not json"));
        assertThat(tap.error()).isEqualTo("malformed stream event");
    }

    @Test
    void openAiChatFinalChunkCarriesUsageAndDoneCompletes() {
        StreamTap tap = StreamTap.forProtocol(ClientProtocol.OPENAI_CHAT, m);
        tap.onEvent(SseEvent.of(null, "{\"model\":\"gpt-x\",\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}"));
        assertThat(tap.contentStarted()).isFalse();
        tap.onEvent(SseEvent.of(null, "{\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}"));
        tap.onEvent(SseEvent.of(null, "{\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]}"));
        tap.onEvent(SseEvent.of(null, "{\"choices\":[],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":2,\"prompt_tokens_details\":{\"cached_tokens\":4}}}"));
        tap.onEvent(SseEvent.of(null, "[DONE]"));
        assertThat(tap.contentStarted()).isTrue();
        assertThat(tap.completed()).isTrue();
        assertThat(tap.stopReason()).isEqualTo("stop");
        assertThat(tap.usage()).isEqualTo(new Usage(6, 2, 4, 0, 0, 0));
    }

    @Test
    void responsesCompletedEventCarriesUsage() {
        StreamTap tap = StreamTap.forProtocol(ClientProtocol.OPENAI_RESPONSES, m);
        tap.onEvent(SseEvent.of("response.output_text.delta", "{\"type\":\"response.output_text.delta\",\"delta\":\"x\"}"));
        tap.onEvent(SseEvent.of("response.completed", "{\"type\":\"response.completed\",\"response\":{\"model\":\"gpt-5\",\"usage\":{\"input_tokens\":9,\"output_tokens\":3}}}"));
        assertThat(tap.contentStarted()).isTrue();
        assertThat(tap.completed()).isTrue();
        assertThat(tap.usage()).isEqualTo(new Usage(9, 3, 0, 0, 0, 0));
    }

    @Test
    void geminiStreamCompletesWhenAFinishReasonWasSeen() {
        StreamTap tap = StreamTap.forProtocol(ClientProtocol.GEMINI, m);
        tap.onEvent(SseEvent.of(null, "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"a\"}]}}]}"));
        tap.onEvent(SseEvent.of(null, "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"b\"}]},\"finishReason\":\"STOP\"}],"
                + "\"usageMetadata\":{\"promptTokenCount\":5,\"candidatesTokenCount\":2}}"));
        tap.onEnd();
        assertThat(tap.completed()).isTrue();
        assertThat(tap.usage()).isEqualTo(new Usage(5, 2, 0, 0, 0, 0));
    }
}
