package dev.cch.protocol.convert.chat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cch.protocol.convert.Converter.RequestContext;
import dev.cch.protocol.convert.common.Json;
import dev.cch.protocol.convert.common.ToolNames;
import dev.cch.protocol.convert.dialect.RequestWriter;
import dev.cch.protocol.convert.model.Conversation;
import dev.cch.protocol.convert.model.Part;
import dev.cch.protocol.convert.model.Sampling;
import dev.cch.protocol.convert.model.ToolChoice;
import dev.cch.protocol.convert.model.ToolSpec;
import dev.cch.protocol.convert.model.Turn;

import java.util.ArrayList;
import java.util.List;

/** Writes an OpenAI Chat Completions request. */
public final class ChatRequestWriter implements RequestWriter {

    @Override
    public ObjectNode write(Conversation c, RequestContext ctx) {
        ObjectNode out = Json.object();
        out.put("model", ctx.upstreamModel());
        ArrayNode messages = out.putArray("messages");
        c.system().forEach(s -> messages.addObject().put("role", "system").put("content", s));
        for (Turn t : c.turns()) {
            switch (t.role()) {
                case SYSTEM -> messages.addObject().put("role", "system").put("content", text(t.parts()));
                case ASSISTANT -> assistant(t.parts(), messages);
                case USER -> user(t.parts(), messages);
            }
        }
        if (!c.tools().isEmpty()) {
            ArrayNode tools = out.putArray("tools");
            for (ToolSpec t : c.tools()) {
                ObjectNode f = tools.addObject().put("type", "function").putObject("function");
                f.put("name", ToolNames.shorten(t.name()));
                Json.putIfNotNull(f, "description", t.description());
                f.set("parameters", t.schema() != null ? t.schema()
                        : Json.object().put("type", "object").set("properties", Json.object()));
            }
            toolChoice(c.toolChoice(), out);
        }
        Sampling s = c.sampling();
        boolean reasoning = c.reasoning() != null && c.reasoning().enabled();
        // reasoning models reject max_tokens; many compatible servers only know max_tokens
        Json.putIfNotNull(out, reasoning ? "max_completion_tokens" : "max_tokens", s.maxTokens());
        Json.putIfNotNull(out, "temperature", s.temperature());
        Json.putIfNotNull(out, "top_p", s.topP());
        if (!s.stop().isEmpty()) {
            ArrayNode stop = out.putArray("stop");
            s.stop().forEach(stop::add);
        }
        if (reasoning) {
            out.put("reasoning_effort", c.reasoning().effort());
        }
        if (ctx.stream()) {
            out.put("stream", true);
            out.putObject("stream_options").put("include_usage", true);
        }
        return out;
    }

    private static void assistant(List<Part> parts, ArrayNode messages) {
        ObjectNode m = Json.object().put("role", "assistant");
        StringBuilder text = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        ArrayNode calls = Json.array();
        for (Part p : parts) {
            switch (p) {
                case Part.Text t -> text.append(t.text());
                case Part.Thinking t -> reasoning.append(t.text());
                case Part.ToolCall call -> {
                    ObjectNode tc = calls.addObject().put("id", call.id()).put("type", "function");
                    tc.putObject("function").put("name", ToolNames.shorten(call.name()))
                            .put("arguments", call.argumentsJson());
                }
                default -> { }
            }
        }
        if (text.isEmpty() && calls.isEmpty()) {
            return;
        } else if (text.isEmpty()) {
            m.putNull("content");
        } else {
            m.put("content", text.toString());
        }
        if (!reasoning.isEmpty() && !calls.isEmpty()) {
            // reasoning servers (DeepSeek, Kimi) want it back inside a tool loop; elsewhere some reject it
            m.put("reasoning_content", reasoning.toString());
        }
        if (!calls.isEmpty()) {
            m.set("tool_calls", calls);
        }
        messages.add(m);
    }

    private static void user(List<Part> parts, ArrayNode messages) {
        List<Part> rest = new ArrayList<>();
        for (Part p : parts) {
            if (p instanceof Part.ToolResult r) {
                messages.addObject().put("role", "tool").put("tool_call_id", r.callId()).put("content", r.text());
                // tool messages carry text only; images a tool returned follow as a user message
                r.content().stream().filter(x -> x instanceof Part.Media).forEach(rest::add);
            } else {
                rest.add(p);
            }
        }
        if (rest.isEmpty()) {
            return;
        }
        ObjectNode m = messages.addObject().put("role", "user");
        if (rest.size() == 1 && rest.getFirst() instanceof Part.Text t) {
            m.put("content", t.text());
            return;
        }
        ArrayNode content = m.putArray("content");
        for (Part p : rest) {
            if (p instanceof Part.Text t) {
                content.addObject().put("type", "text").put("text", t.text());
            } else if (p instanceof Part.Media media) {
                if (media.mediaType() == null || media.mediaType().startsWith("image/")) {
                    content.addObject().put("type", "image_url").putObject("image_url").put("url", media.asUrl());
                } else {
                    content.addObject().put("type", "file").putObject("file")
                            .put("filename", "document.pdf").put("file_data", media.asUrl());
                }
            }
        }
    }

    private static String text(List<Part> parts) {
        StringBuilder sb = new StringBuilder();
        parts.stream().filter(p -> p instanceof Part.Text).forEach(p -> sb.append(((Part.Text) p).text()));
        return sb.toString();
    }

    private static void toolChoice(ToolChoice tc, ObjectNode out) {
        if (tc == null) {
            return;
        }
        switch (tc.mode()) {
            case AUTO -> out.put("tool_choice", "auto");
            case ANY -> out.put("tool_choice", "required");
            case NONE -> out.put("tool_choice", "none");
            case TOOL -> out.putObject("tool_choice").put("type", "function").putObject("function")
                    .put("name", ToolNames.shorten(tc.name()));
        }
        if (Boolean.FALSE.equals(tc.parallel())) {
            out.put("parallel_tool_calls", false);
        }
    }
}
