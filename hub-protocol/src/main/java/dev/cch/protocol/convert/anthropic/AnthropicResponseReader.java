package dev.cch.protocol.convert.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.protocol.convert.common.Json;
import dev.cch.protocol.convert.common.UpstreamErrors;
import dev.cch.protocol.convert.dialect.ResponseReader;
import dev.cch.protocol.convert.model.Completion;
import dev.cch.protocol.convert.model.Part;
import dev.cch.protocol.convert.model.UpstreamError;
import dev.cch.protocol.usage.UsageExtractor;

import java.util.List;
import java.util.Optional;

/** Reads an Anthropic Messages response. */
public final class AnthropicResponseReader implements ResponseReader {

    @Override
    public Completion read(JsonNode body) {
        List<Part> content = AnthropicRequestReader.parts(body.path("content"));
        return new Completion(Json.text(body, "id", "msg"), content, AnthropicStopReasons.read(Json.text(body, "stop_reason")),
                Json.text(body, "stop_sequence"), UsageExtractor.anthropic(body.path("usage")), 0);
    }

    @Override
    public Optional<UpstreamError> error(JsonNode body) {
        if (!"error".equals(Json.text(body, "type")) && !body.path("error").isObject()) {
            return Optional.empty();
        }
        JsonNode e = body.path("error");
        return Optional.of(UpstreamErrors.anthropic(Json.text(e, "type"), Json.text(e, "message")));
    }
}
