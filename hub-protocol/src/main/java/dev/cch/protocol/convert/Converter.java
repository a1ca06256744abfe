package dev.cch.protocol.convert;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Converts traffic between one client protocol and one provider type: the request on the way out, the response
 * (complete or streamed) on the way back. Pure: no I/O. Same-protocol traffic never goes through a converter.
 */
public interface Converter {
    /** The provider request body for a client request. */
    byte[] request(JsonNode clientRequest, RequestContext ctx) throws ConversionException;

    /** The client response body for a complete provider response. */
    byte[] response(JsonNode providerResponse, ResponseContext ctx);

    /** A fresh, stateful translator of one provider stream into the client's stream. */
    StreamTranslator stream(ResponseContext ctx);

    /**
     * What the request needs to know.
     *
     * @param upstreamModel the model name the provider is asked for (after redirects)
     * @param stream        whether the client asked for a stream
     */
    record RequestContext(String upstreamModel, boolean stream) {
    }

    /**
     * What the response needs to know.
     *
     * @param clientModel the model name the client asked for, reported back to it
     */
    record ResponseContext(String clientModel) {
    }
}
