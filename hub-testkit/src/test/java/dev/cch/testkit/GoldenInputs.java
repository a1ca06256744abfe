package dev.cch.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the provider-side inputs of hub-protocol's response and stream golden cases, rendered by this fake's
 * wires. Only on request: {@code -Dgolden.inputs=<hub-protocol/src/test/resources/golden>}.
 */
@EnabledIfSystemProperty(named = "golden.inputs", matches = ".+")
class GoldenInputs {
    static final String LONG = "mcp__github_enterprise_server__create_or_update_repository_file_contents_with_commit";
    static final String SHORT = "mcp__github_enterprise_server__create_or_update_reposit_464e6f94";
    static final List<String> PROVIDERS = List.of("anthropic", "openai-chat", "openai-responses", "gemini", "gemini-cli");
    static final List<String> CLIENTS = List.of("anthropic", "openai-chat", "openai-responses", "gemini");
    static final Map<String, String> MODELS = Map.of("anthropic", "claude-sonnet-4-5-20250929",
            "openai-chat", "gpt-4.1-2025-04-14", "openai-responses", "gpt-5-codex", "gemini", "gemini-2.5-pro",
            "gemini-cli", "gemini-2.5-pro");
    static final Map<String, String> IDS = Map.of("anthropic", "msg_01XFDUDYJgAACzvnptvVoYEL",
            "openai-chat", "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT", "openai-responses", "resp_67ccd2bed1ec8190b14f964abc054267",
            "gemini", "p7NnaLLlLvGt1dkP3YHRkA4", "gemini-cli", "p7NnaLLlLvGt1dkP3YHRkA4");

    final ObjectMapper mapper = new ObjectMapper();
    final ObjectMapper pretty = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void write() throws IOException {
        Path root = Path.of(System.getProperty("golden.inputs"));
        for (String p : PROVIDERS) {
            Wire w = wire(p);
            for (String c : CLIENTS) {
                if (c.equals(p)) {
                    continue;
                }
                Path resp = root.resolve("response").resolve(p + "-to-" + c);
                Path stream = root.resolve("stream").resolve(p + "-to-" + c);
                for (Map.Entry<String, Reply> e : replies(p).entrySet()) {
                    String model = MODELS.get(p);
                    String id = IDS.get(p);
                    json(resp.resolve(e.getKey()).resolve("in.json"), w.json(e.getValue(), model, id));
                    sse(stream.resolve(e.getKey()).resolve("in.sse"), w.events(e.getValue(), model, id));
                    if (e.getKey().equals("long-tool-name")) {
                        String ctx = "{\"toolNames\":{\"" + SHORT + "\":\"" + LONG + "\"}}";
                        json(resp.resolve(e.getKey()).resolve("ctx.json"), ctx);
                        json(stream.resolve(e.getKey()).resolve("ctx.json"), ctx);
                    }
                }
                json(resp.resolve("upstream-error").resolve("in.json"), w.errorJson(errorStatus(p), errorMessage(p)));
                json(resp.resolve("rate-limited").resolve("in.json"), w.errorJson(429, "Rate limit reached for requests"));
                Reply text = replies(p).get("plain-text");
                List<String> events = w.events(text, MODELS.get(p), IDS.get(p));
                sse(stream.resolve("error-before-content").resolve("in.sse"),
                        List.of(w.opening(text, MODELS.get(p), IDS.get(p)), errorEvent(p, w, 2)));
                int keep = switch (p) {
                    case "anthropic" -> 5;
                    case "openai-responses" -> 6;
                    default -> 3;
                };
                List<String> partial = new ArrayList<>(events.subList(0, keep));
                partial.add(errorEvent(p, w, keep));
                sse(stream.resolve("error-after-content").resolve("in.sse"), partial);
            }
        }
    }

    private String errorEvent(String p, Wire w, int sequence) {
        if (p.equals("openai-responses")) {
            return "event: error\ndata: {\"type\":\"error\",\"code\":\"server_error\",\"message\":\"The server had an error while processing your request.\",\"param\":null,\"sequence_number\":"
                    + sequence + "}\n\n";
        }
        return w.streamErrorEvent("Overloaded");
    }

    private static int errorStatus(String p) {
        return switch (p) {
            case "anthropic" -> 529;
            case "openai-chat", "openai-responses" -> 500;
            default -> 503;
        };
    }

    private static String errorMessage(String p) {
        return switch (p) {
            case "anthropic" -> "Overloaded";
            case "openai-chat", "openai-responses" -> "The server had an error while processing your request.";
            default -> "The model is overloaded. Please try again later.";
        };
    }

    private Map<String, Reply> replies(String p) {
        String call = p.equals("anthropic") ? "toolu_01A09q90qw90lq917835lq9" : "call_Qx3fH8uJ2kLm9NpR4sT6vW1y";
        String call2 = p.equals("anthropic") ? "toolu_01B7gCgD4xEDJ4wBFyzMqs5r" : "call_Zp8rT2vW5yA7cE9gI1kM3oQ5";
        String sig = "EqQBCkYIBxgCKkDfakeSignatureOfTheThinkingBlock0123456789abcdef==";
        Map<String, Reply> m = new java.util.LinkedHashMap<>();
        m.put("plain-text", new Reply(List.of(new Reply.Text("Hello! How can I help you today?")), "end_turn", 25, 9, 0, 0));
        m.put("tool-call", new Reply(List.of(new Reply.Text("Let me check the weather."),
                new Reply.ToolCall(call, "get_weather", "{\"city\":\"Paris\",\"unit\":\"celsius\"}")), "tool_use", 310, 48, 0, 0));
        m.put("parallel-tool-calls", new Reply(List.of(
                new Reply.ToolCall(call, "get_weather", "{\"city\":\"Paris\"}"),
                new Reply.ToolCall(call2, "get_weather", "{\"city\":\"London\"}")), "tool_use", 320, 60, 0, 0));
        m.put("thinking", new Reply(List.of(new Reply.Thinking("The user asks for 17*23. 17*20=340, 17*3=51, so 391.", sig),
                new Reply.Text("17 × 23 = 391.")), "end_turn", 40, 70, 0, 0));
        m.put("thinking-tool-call", new Reply(List.of(new Reply.Thinking("I should look up the weather first.", sig),
                new Reply.ToolCall(call, "get_weather", "{\"city\":\"Paris\"}")), "tool_use", 300, 55, 0, 0));
        m.put("max-tokens", new Reply(List.of(new Reply.Text("Once upon a time, in a land far")), "max_tokens", 18, 10, 0, 0));
        m.put("cache-usage", new Reply(List.of(new Reply.Text("Using the cached context: done.")), "end_turn", 120, 12, 2048, 512));
        m.put("long-tool-name", new Reply(List.of(new Reply.ToolCall(call, SHORT, "{\"path\":\"README.md\"}")),
                "tool_use", 400, 30, 0, 0));
        return m;
    }

    private Wire wire(String p) {
        GeminiWire g = new GeminiWire(mapper);
        return switch (p) {
            case "anthropic" -> new AnthropicWire(mapper);
            case "openai-chat" -> new OpenAiChatWire(mapper);
            case "openai-responses" -> new ResponsesWire(mapper);
            case "gemini" -> g;
            default -> new CodeAssistWire(mapper, g);
        };
    }

    private void json(Path file, String json) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, pretty.writeValueAsString(mapper.readTree(json)) + "\n");
    }

    private static void sse(Path file, List<String> frames) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("", frames));
    }
}
