package dev.cch.protocol.convert.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.protocol.convert.ConversionException;
import dev.cch.protocol.convert.model.Conversation;

import java.util.List;

/** Reads a client request of one protocol into the neutral model. */
public interface RequestReader {
    Conversation read(JsonNode body) throws ConversionException;

    /** The names of the function tools the request offers (for restoring shortened names). */
    List<String> toolNames(JsonNode body);
}
