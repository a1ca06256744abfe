package dev.cch.server.routing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.protocol.convert.StreamTranslator;

/** How a provider's answer is turned into the caller's protocol for one attempt. Absent for same-protocol traffic. */
public interface ResponseConversion {
    /** The caller-protocol body for a complete provider response. */
    byte[] body(JsonNode providerResponse);

    /** A fresh translator for a provider stream. */
    StreamTranslator stream();
}
