package dev.cch.server.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.error.ErrorType;
import dev.cch.protocol.error.HubError;
import dev.cch.server.pipeline.Exchange;
import dev.cch.server.pipeline.Headers;
import dev.cch.server.pipeline.ProxyReply;
import dev.cch.server.pipeline.Redactor;
import dev.cch.server.pipeline.Replies;

import java.io.IOException;
import java.util.Map;

/**
 * Hands an upstream's client error back to the caller: byte for byte when the provider speaks the caller's
 * protocol, otherwise its message re-shaped into the caller's protocol.
 */
public final class UpstreamErrors {
    private final Replies replies;
    private final ObjectMapper mapper;

    public UpstreamErrors(Replies replies, ObjectMapper mapper) {
        this.replies = replies;
        this.mapper = mapper;
    }

    public ProxyReply passBack(Exchange ex, AttemptResult.Failure f) {
        int status = f.status() == null ? f.kind().clientStatus() : f.status();
        boolean sameProtocol = ex.provider() != null && ex.provider().type().protocol() == ex.request().protocol();
        if (sameProtocol) {
            ex.failed(status, f.kind(), f.message());
            Headers h = new Headers();
            String ct = f.errorHeaders() == null ? null : f.errorHeaders().first("content-type");
            h.set("content-type", ct == null ? "application/json" : ct);
            return new ProxyReply.Buffered(status, h, f.errorBody());
        }
        String message = Redactor.truncate(Redactor.redact(extractMessage(f.errorBody())), 500);
        return replies.error(ex, new HubError(status, ErrorType.forStatus(status), message, null, Map.of()), f.kind());
    }

    /** The human message inside any protocol's error body, or the body itself. */
    public String extractMessage(byte[] body) {
        if (body == null || body.length == 0) {
            return "upstream error";
        }
        try {
            JsonNode n = mapper.readTree(body);
            JsonNode err = n.path("error");
            if (err.isObject() && err.path("message").isTextual()) {
                return err.path("message").asText();
            }
            if (err.isTextual()) {
                return err.asText();
            }
            if (n.path("message").isTextual()) {
                return n.path("message").asText();
            }
        } catch (IOException e) {
            // not JSON: fall through to the text
        }
        return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
}
