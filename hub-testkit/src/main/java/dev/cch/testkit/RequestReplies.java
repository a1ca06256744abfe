package dev.cch.testkit;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** Derives a plausible reply from a request of any protocol: call the first tool once, then answer in text. */
final class RequestReplies {
    private RequestReplies() {
    }

    static Reply derive(JsonNode request, String upstreamName, int requestBytes) {
        return derive("anthropic", request, upstreamName, requestBytes);
    }

    static Reply derive(String wire, JsonNode request, String upstreamName, int requestBytes) {
        long input = Math.max(1, requestBytes / 4);
        RequestShape shape = RequestShape.of(wire, request);
        if (!shape.tools().isEmpty() && shape.toolResult() == null) {
            RequestShape.Tool tool = shape.tools().getFirst();
            String args = ToolArguments.forSchema(tool.schema());
            String prefix = wire.equals("anthropic") ? "toolu_fake_" : "call_fake_";
            return new Reply(List.of(new Reply.Text("Let me check."),
                    new Reply.ToolCall(prefix + Math.abs(tool.name().hashCode()), tool.name(), args)),
                    "tool_use", input, 20, 0, 0);
        }
        String text = shape.toolResult() != null
                ? "The tool answered: " + shape.toolResult() + " (from " + upstreamName + ")"
                : "Hello from " + upstreamName + ".";
        return new Reply(List.of(new Reply.Text(text)), "end_turn", input, Math.max(1, text.length() / 4), 0, 0);
    }
}
