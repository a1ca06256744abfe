package dev.cch.protocol.convert.responses;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cch.protocol.convert.common.Json;
import dev.cch.protocol.convert.common.UsageJson;
import dev.cch.protocol.convert.model.StopReason;
import dev.cch.protocol.usage.Usage;

/** The Responses API's response object, shared by the complete response and the stream's lifecycle events. */
final class ResponseObjects {
    private ResponseObjects() {
    }

    /** @param usage null while the response is in progress */
    static ObjectNode response(String id, long createdAt, String model, String status, StopReason stop,
                               ArrayNode output, Usage usage) {
        ObjectNode r = Json.object();
        r.put("id", id);
        r.put("object", "response");
        r.put("created_at", createdAt);
        r.put("status", status);
        r.putNull("error");
        if ("incomplete".equals(status)) {
            r.putObject("incomplete_details").put("reason",
                    stop == StopReason.REFUSAL ? "content_filter" : "max_output_tokens");
        } else {
            r.putNull("incomplete_details");
        }
        r.putNull("instructions");
        r.putNull("max_output_tokens");
        r.put("model", model);
        r.set("output", output);
        r.put("parallel_tool_calls", true);
        r.putNull("previous_response_id");
        r.putObject("reasoning").putNull("effort").putNull("summary");
        r.put("store", false);
        r.putObject("text").putObject("format").put("type", "text");
        r.put("tool_choice", "auto");
        r.putArray("tools");
        r.put("truncation", "disabled");
        if (usage == null) {
            r.putNull("usage");
        } else {
            r.set("usage", UsageJson.openAiResponses(usage));
        }
        r.putObject("metadata");
        return r;
    }

    /** completed, or incomplete when the answer was cut off. */
    static String status(StopReason stop) {
        return stop == StopReason.MAX_TOKENS || stop == StopReason.REFUSAL ? "incomplete" : "completed";
    }

    static ObjectNode messageItem(String id, String status, String text) {
        ObjectNode item = Json.object().put("id", id).put("type", "message").put("status", status);
        ArrayNode content = item.putArray("content");
        if (text != null) {
            content.add(textPart(text));
        }
        item.put("role", "assistant");
        return item;
    }

    static ObjectNode textPart(String text) {
        ObjectNode p = Json.object().put("type", "output_text");
        p.putArray("annotations");
        p.putArray("logprobs");
        p.put("text", text);
        return p;
    }

    static ObjectNode functionCallItem(String id, String status, String arguments, String callId, String name) {
        return Json.object().put("id", id).put("type", "function_call").put("status", status)
                .put("arguments", arguments).put("call_id", callId).put("name", name);
    }
}
