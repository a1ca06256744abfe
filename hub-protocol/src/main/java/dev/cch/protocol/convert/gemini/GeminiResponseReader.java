package dev.cch.protocol.convert.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.protocol.convert.common.Json;
import dev.cch.protocol.convert.common.UpstreamErrors;
import dev.cch.protocol.convert.dialect.ResponseReader;
import dev.cch.protocol.convert.model.Completion;
import dev.cch.protocol.convert.model.Part;
import dev.cch.protocol.convert.model.StopReason;
import dev.cch.protocol.convert.model.UpstreamError;
import dev.cch.protocol.usage.UsageExtractor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a Gemini GenerateContentResponse (first candidate), with or without the Code Assist envelope. */
public final class GeminiResponseReader implements ResponseReader {

    @Override
    public Completion read(JsonNode body) {
        JsonNode r = CodeAssistEnvelope.unwrap(body);
        String id = Json.text(r, "responseId", "gemini");
        JsonNode candidate = r.path("candidates").path(0);
        List<Part> parts = new ArrayList<>();
        int i = 0;
        for (JsonNode part : candidate.path("content").path("parts")) {
            GeminiParts.read(part, false, id + "/" + i++, parts);
        }
        boolean calls = parts.stream().anyMatch(p -> p instanceof Part.ToolCall);
        StopReason stop = candidate.isMissingNode() && r.path("promptFeedback").has("blockReason")
                ? StopReason.REFUSAL : GeminiFinishReasons.read(Json.text(candidate, "finishReason"), calls);
        return new Completion(id, parts, stop, null, UsageExtractor.gemini(r.path("usageMetadata")), 0);
    }

    @Override
    public Optional<UpstreamError> error(JsonNode body) {
        JsonNode b = body.isArray() && !body.isEmpty() ? body.get(0) : body;
        JsonNode e = CodeAssistEnvelope.unwrap(b).get("error");
        if (e == null || !e.isObject()) {
            return Optional.empty();
        }
        return Optional.of(UpstreamErrors.gemini(e.path("code").asInt(0), Json.text(e, "status"), Json.text(e, "message")));
    }
}
