package dev.cch.protocol.convert.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.protocol.convert.model.Completion;
import dev.cch.protocol.convert.model.UpstreamError;

import java.util.Optional;

/** Reads a complete provider response of one protocol. */
public interface ResponseReader {
    Completion read(JsonNode body);

    /** The error the body reports, if it is an error body. */
    Optional<UpstreamError> error(JsonNode body);
}
