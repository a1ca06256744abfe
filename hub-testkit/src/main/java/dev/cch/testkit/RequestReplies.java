package dev.cch.testkit;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** Derives a plausible reply from an Anthropic-shaped request: call the first tool once, then answer in text. */
final class RequestReplies {
    private RequestReplies() {
    }

    static Reply derive(JsonNode request, String upstreamName, int requestBytes) {
        long input = Math.max(1, requestBytes / 4);
        JsonNode tools = request.path("tools");
        JsonNode messages = request.path("messages");
        JsonNode last = messages.isArray() && !messages.isEmpty() ? messages.get(messages.size() - 1) : null;
        boolean toolResultSent = last != null && last.path("content").toString().contains("\"tool_result\"");
        if (tools.isArray() && !tools.isEmpty() && !toolResultSent) {
            JsonNode tool = tools.get(0);
            String toolName = tool.path("name").asText("tool");
            String args = ToolArguments.forSchema(tool.path("input_schema"));
            return new Reply(List.of(new Reply.Text("Let me check."),
                    new Reply.ToolCall("toolu_fake_" + Math.abs(toolName.hashCode()), toolName, args)),
                    "tool_use", input, 20, 0, 0);
        }
        String text = toolResultSent
                ? "The tool answered: " + ToolArguments.toolResultText(last) + " (from " + upstreamName + ")"
                : "Hello from " + upstreamName + ".";
        return new Reply(List.of(new Reply.Text(text)), "end_turn", input, Math.max(1, text.length() / 4), 0, 0);
    }
}
