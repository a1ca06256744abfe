package dev.cch.protocol.convert.dialect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cch.protocol.convert.ConversionException;
import dev.cch.protocol.convert.Converter.RequestContext;
import dev.cch.protocol.convert.model.Conversation;

/** Writes the neutral request as a provider request body of one protocol. */
public interface RequestWriter {
    ObjectNode write(Conversation c, RequestContext ctx) throws ConversionException;
}
