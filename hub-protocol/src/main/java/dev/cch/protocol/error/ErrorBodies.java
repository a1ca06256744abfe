package dev.cch.protocol.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cch.protocol.ClientProtocol;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Renders a {@link HubError} in the error shape each protocol's official SDK understands. */
public final class ErrorBodies {
    private final ObjectMapper mapper;

    public ErrorBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public byte[] render(ClientProtocol protocol, HubError e) {
        ObjectNode root = mapper.createObjectNode();
        switch (protocol) {
            case ANTHROPIC -> {
                root.put("type", "error");
                ObjectNode err = root.putObject("error");
                err.put("type", e.type().anthropicType());
                err.put("message", e.message());
                putDetails(err, e);
            }
            case OPENAI_CHAT, OPENAI_RESPONSES -> {
                ObjectNode err = root.putObject("error");
                err.put("message", e.message());
                err.put("type", e.type().openAiType());
                err.putNull("param");
                if (e.code() != null) {
                    err.put("code", e.code());
                } else {
                    err.putNull("code");
                }
                putDetails(err, e);
            }
            case GEMINI -> {
                ObjectNode err = root.putObject("error");
                err.put("code", e.status());
                err.put("message", e.message());
                err.put("status", e.type().geminiStatus());
                putDetails(err, e);
            }
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The same error as one SSE event, for failures after a stream has been committed. */
    public byte[] renderStreamEvent(ClientProtocol protocol, HubError e) {
        String json = new String(render(protocol, e), StandardCharsets.UTF_8);
        String frame = switch (protocol) {
            case ANTHROPIC -> "event: error\ndata: " + json + "\n\n";
            case OPENAI_RESPONSES -> "event: error\ndata: " + json + "\n\n";
            case OPENAI_CHAT, GEMINI -> "data: " + json + "\n\n";
        };
        return frame.getBytes(StandardCharsets.UTF_8);
    }

    private void putDetails(ObjectNode err, HubError e) {
        if (e.code() != null && !err.has("code")) {
            err.put("code", e.code());
        }
        for (Map.Entry<String, Object> d : e.details().entrySet()) {
            err.set(d.getKey(), mapper.valueToTree(d.getValue()));
        }
    }
}
