package dev.cch.protocol.convert.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cch.protocol.convert.Converter.RequestContext;
import dev.cch.protocol.convert.common.Json;

/**
 * The Code Assist (gemini-cli) envelope: requests go as {@code {"model","project","request":{...}}}, responses and
 * each stream event come back as {@code {"response":{...}}}.
 */
public final class CodeAssistEnvelope {
    private CodeAssistEnvelope() {
    }

    public static ObjectNode wrap(JsonNode request, RequestContext ctx) {
        ObjectNode out = Json.object();
        out.put("model", ctx.upstreamModel());
        if (ctx.project() != null) {
            out.put("project", ctx.project());
        }
        out.set("request", request);
        return out;
    }

    /** The inner response; a body without the envelope (e.g. an error) is returned as it is. */
    public static JsonNode unwrap(JsonNode body) {
        JsonNode inner = body.get("response");
        return inner != null && inner.isObject() ? inner : body;
    }
}
