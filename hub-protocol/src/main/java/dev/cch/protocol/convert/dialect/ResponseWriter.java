package dev.cch.protocol.convert.dialect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cch.protocol.convert.Converter.ResponseContext;
import dev.cch.protocol.convert.model.Completion;

/** Writes a neutral completion as a client response body of one protocol. */
public interface ResponseWriter {
    /** @param now epoch seconds, for protocols that report a creation time */
    ObjectNode write(Completion c, ResponseContext ctx, long now);
}
