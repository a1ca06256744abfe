package dev.cch.protocol.convert.responses;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.protocol.convert.chat.ChatResponseReader;
import dev.cch.protocol.convert.common.Json;
import dev.cch.protocol.convert.dialect.ResponseReader;
import dev.cch.protocol.convert.model.Completion;
import dev.cch.protocol.convert.model.Part;
import dev.cch.protocol.convert.model.StopReason;
import dev.cch.protocol.convert.model.UpstreamError;
import dev.cch.protocol.usage.UsageExtractor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads an OpenAI Responses response object. */
public final class ResponsesResponseReader implements ResponseReader {

    @Override
    public Completion read(JsonNode body) {
        List<Part> parts = new ArrayList<>();
        boolean refused = false;
        for (JsonNode item : body.path("output")) {
            switch (item.path("type").asText()) {
                case "reasoning" -> parts.add(ReasoningItems.read(item, false));
                case "message" -> {
                    for (JsonNode c : item.path("content")) {
                        refused |= c.path("type").asText().equals("refusal");
                    }
                    String text = ResponsesContent.text(item.path("content"));
                    if (!text.isEmpty()) {
                        parts.add(new Part.Text(text));
                    }
                }
                case "function_call" -> parts.add(new Part.ToolCall(item.path("call_id").asText(),
                        item.path("name").asText(), item.path("arguments").asText("{}")));
                default -> { }
            }
        }
        boolean calls = parts.stream().anyMatch(p -> p instanceof Part.ToolCall);
        return new Completion(Json.text(body, "id", "resp"), parts,
                stopReason(body, calls, refused), null, UsageExtractor.openAiResponses(body.path("usage")),
                body.path("created_at").asLong(0));
    }

    static StopReason stopReason(JsonNode response, boolean calls, boolean refused) {
        if ("incomplete".equals(Json.text(response, "status"))) {
            String reason = Json.text(response.path("incomplete_details"), "reason", "");
            return reason.equals("content_filter") ? StopReason.REFUSAL : StopReason.MAX_TOKENS;
        }
        return calls ? StopReason.TOOL_USE : refused ? StopReason.REFUSAL : StopReason.END_TURN;
    }

    @Override
    public Optional<UpstreamError> error(JsonNode body) {
        return ChatResponseReader.openAiError(body.has("response") ? body.path("response") : body);
    }
}
