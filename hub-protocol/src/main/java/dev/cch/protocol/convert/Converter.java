package dev.cch.protocol.convert;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * Converts traffic between one client protocol and one provider type: the request on the way out, the response
 * (complete or streamed) on the way back. Pure: no I/O. Same-protocol traffic never goes through a converter.
 */
public interface Converter {
    /** The provider request body for a client request. */
    byte[] request(JsonNode clientRequest, RequestContext ctx) throws ConversionException;

    /** The client response body for a complete provider response (an error body becomes the client's error body). */
    byte[] response(JsonNode providerResponse, ResponseContext ctx);

    /** A fresh, stateful translator of one provider stream into the client's stream. */
    StreamTranslator stream(ResponseContext ctx);

    /**
     * The response context for a client request: besides the model it records which tool names were shortened on
     * the way out (so responses can restore them) and whether an OpenAI Chat client asked for a usage chunk.
     */
    default ResponseContext responseContext(JsonNode clientRequest, String clientModel) {
        return new ResponseContext(clientModel);
    }

    /**
     * What the request needs to know.
     *
     * @param upstreamModel the model name the provider is asked for (after redirects)
     * @param stream        whether the client asked for a stream
     * @param project       the Code Assist project for gemini-cli providers, or null to leave it out
     */
    record RequestContext(String upstreamModel, boolean stream, String project) {
        public RequestContext(String upstreamModel, boolean stream) {
            this(upstreamModel, stream, null);
        }
    }

    /**
     * What the response needs to know.
     *
     * @param clientModel  the model name the client asked for, reported back to it
     * @param toolNames    shortened tool name sent upstream to the client's original name
     * @param includeUsage whether an OpenAI Chat stream ends with a usage chunk
     */
    record ResponseContext(String clientModel, Map<String, String> toolNames, boolean includeUsage) {
        /** Without request details: no shortened names; a usage chunk is sent so usage can always be metered. */
        public ResponseContext(String clientModel) {
            this(clientModel, Map.of(), true);
        }

        public ResponseContext {
            toolNames = toolNames == null ? Map.of() : Map.copyOf(toolNames);
        }

        /** The client's name for a tool the provider called. */
        public String toolName(String sent) {
            return toolNames.getOrDefault(sent, sent);
        }
    }
}
