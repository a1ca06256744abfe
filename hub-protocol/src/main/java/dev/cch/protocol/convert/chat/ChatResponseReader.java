package dev.cch.protocol.convert.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.protocol.convert.common.Json;
import dev.cch.protocol.convert.common.UpstreamErrors;
import dev.cch.protocol.convert.dialect.ResponseReader;
import dev.cch.protocol.convert.model.Completion;
import dev.cch.protocol.convert.model.Part;
import dev.cch.protocol.convert.model.UpstreamError;
import dev.cch.protocol.usage.UsageExtractor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads an OpenAI Chat Completions response (the first choice). */
public final class ChatResponseReader implements ResponseReader {

    @Override
    public Completion read(JsonNode body) {
        JsonNode choice = body.path("choices").path(0);
        JsonNode m = choice.path("message");
        List<Part> parts = new ArrayList<>();
        String reasoning = Json.text(m, "reasoning_content");
        if (reasoning == null) {
            reasoning = Json.text(m, "reasoning");
        }
        if (reasoning != null && !reasoning.isEmpty()) {
            parts.add(new Part.Thinking(reasoning, null));
        }
        String text = Json.text(m, "content");
        if (text == null) {
            text = Json.text(m, "refusal");
        }
        if (text != null && !text.isEmpty()) {
            parts.add(new Part.Text(text));
        }
        for (JsonNode tc : m.path("tool_calls")) {
            JsonNode f = tc.path("function");
            parts.add(new Part.ToolCall(tc.path("id").asText(), f.path("name").asText(), f.path("arguments").asText("{}")));
        }
        boolean calls = parts.stream().anyMatch(p -> p instanceof Part.ToolCall);
        return new Completion(Json.text(body, "id", "chatcmpl"), parts,
                ChatFinishReasons.read(Json.text(choice, "finish_reason"), calls), null,
                UsageExtractor.openAiChat(body.path("usage")), body.path("created").asLong(0));
    }

    @Override
    public Optional<UpstreamError> error(JsonNode body) {
        return openAiError(body);
    }

    /** OpenAI's {@code {"error":{"message","type","code"}}}; shared with the Responses dialect. */
    public static Optional<UpstreamError> openAiError(JsonNode body) {
        JsonNode e = body.get("error");
        if (e == null || e.isNull()) {
            return Optional.empty();
        }
        if (e.isTextual()) {
            return Optional.of(UpstreamErrors.openAi(null, null, e.asText()));
        }
        return Optional.of(UpstreamErrors.openAi(Json.text(e, "type"), Json.text(e, "code"), Json.text(e, "message")));
    }
}
