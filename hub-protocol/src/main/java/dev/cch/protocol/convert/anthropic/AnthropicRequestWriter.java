package dev.cch.protocol.convert.anthropic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cch.protocol.ClientProtocol;
import dev.cch.protocol.convert.Converter.RequestContext;
import dev.cch.protocol.convert.common.Json;
import dev.cch.protocol.convert.common.Signatures;
import dev.cch.protocol.convert.common.ToolNames;
import dev.cch.protocol.convert.dialect.RequestWriter;
import dev.cch.protocol.convert.model.Conversation;
import dev.cch.protocol.convert.model.Part;
import dev.cch.protocol.convert.model.Reasoning;
import dev.cch.protocol.convert.model.Sampling;
import dev.cch.protocol.convert.model.ToolChoice;
import dev.cch.protocol.convert.model.ToolSpec;
import dev.cch.protocol.convert.model.Turn;

import java.util.ArrayList;
import java.util.List;

/** Writes an Anthropic Messages request. */
public final class AnthropicRequestWriter implements RequestWriter {
    /** max_tokens is required by Anthropic; used when the client set no limit. */
    static final int DEFAULT_MAX_TOKENS = 8192;
    private static final int MIN_THINKING_BUDGET = 1024;

    private final ObjectMapper mapper;

    public AnthropicRequestWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public ObjectNode write(Conversation c, RequestContext ctx) {
        ObjectNode out = Json.object();
        out.put("model", ctx.upstreamModel());
        Sampling s = c.sampling();
        int maxTokens = s.maxTokens() != null ? s.maxTokens() : DEFAULT_MAX_TOKENS;
        out.put("max_tokens", maxTokens);
        if (c.system().size() == 1) {
            out.put("system", c.system().getFirst());
        } else if (!c.system().isEmpty()) {
            ArrayNode sys = out.putArray("system");
            c.system().forEach(t -> sys.addObject().put("type", "text").put("text", t));
        }
        ArrayNode messages = out.putArray("messages");
        writeMessages(c.turns(), messages);
        if (!c.tools().isEmpty()) {
            ArrayNode tools = out.putArray("tools");
            for (ToolSpec t : c.tools()) {
                ObjectNode tool = tools.addObject().put("name", ToolNames.shorten(t.name()));
                Json.putIfNotNull(tool, "description", t.description());
                tool.set("input_schema", t.schema() != null ? t.schema() : Json.object().put("type", "object"));
            }
            writeToolChoice(c.toolChoice(), out);
        }
        Integer budget = thinkingBudget(c, maxTokens, messages);
        if (budget != null) {
            out.putObject("thinking").put("type", "enabled").put("budget_tokens", budget);
        } else {
            // thinking forbids changing temperature and top_k, so these only go along without it
            Json.putIfNotNull(out, "temperature", s.temperature());
            Json.putIfNotNull(out, "top_k", s.topK());
        }
        Json.putIfNotNull(out, "top_p", budget == null ? s.topP() : null);
        if (!s.stop().isEmpty()) {
            ArrayNode stop = out.putArray("stop_sequences");
            s.stop().forEach(stop::add);
        }
        if (ctx.stream()) {
            out.put("stream", true);
        }
        return out;
    }

    private void writeMessages(List<Turn> turns, ArrayNode messages) {
        String lastRole = null;
        ArrayNode lastContent = null;
        for (Turn t : turns) {
            String role = t.role() == Turn.Role.ASSISTANT ? "assistant" : "user";
            ArrayNode content = blocks(t);
            if (content.isEmpty()) {
                continue;
            }
            if (role.equals(lastRole)) {
                lastContent.addAll(content); // Anthropic merges consecutive same-role turns; doing it here keeps order explicit
                sortToolResultsFirst(lastContent);
                continue;
            }
            ObjectNode m = messages.addObject().put("role", role);
            m.set("content", content);
            lastRole = role;
            lastContent = content;
        }
    }

    private ArrayNode blocks(Turn t) {
        ArrayNode content = Json.array();
        List<ObjectNode> results = new ArrayList<>();
        for (Part p : t.parts()) {
            switch (p) {
                case Part.Text x -> {
                    if (!x.text().isEmpty()) {
                        content.addObject().put("type", "text").put("text", x.text());
                    }
                }
                case Part.Media m -> content.add(media(m));
                case Part.Thinking th -> {
                    String sig = Signatures.toProvider(ClientProtocol.ANTHROPIC, th.signature());
                    if (sig != null) {
                        content.addObject().put("type", "thinking").put("thinking", th.text()).put("signature", sig);
                    }
                }
                case Part.ToolCall call -> {
                    ObjectNode tu = content.addObject().put("type", "tool_use").put("id", call.id())
                            .put("name", ToolNames.shorten(call.name()));
                    tu.set("input", Json.argumentsObject(mapper, call.argumentsJson()));
                }
                case Part.ToolResult r -> results.add(toolResult(r));
            }
        }
        ArrayNode ordered = Json.array();
        results.forEach(ordered::add); // tool results must open the user message
        ordered.addAll(content);
        return ordered;
    }

    private ObjectNode toolResult(Part.ToolResult r) {
        ObjectNode tr = Json.object().put("type", "tool_result").put("tool_use_id", r.callId());
        boolean textOnly = r.content().stream().allMatch(p -> p instanceof Part.Text);
        if (textOnly) {
            tr.put("content", r.text());
        } else {
            ArrayNode c = tr.putArray("content");
            for (Part p : r.content()) {
                if (p instanceof Part.Text x) {
                    c.addObject().put("type", "text").put("text", x.text());
                } else if (p instanceof Part.Media m) {
                    c.add(media(m));
                }
            }
        }
        if (r.error()) {
            tr.put("is_error", true);
        }
        return tr;
    }

    private static ObjectNode media(Part.Media m) {
        boolean image = m.mediaType() == null || m.mediaType().startsWith("image/");
        ObjectNode block = Json.object().put("type", image ? "image" : "document");
        ObjectNode src = block.putObject("source");
        if (m.inline()) {
            src.put("type", "base64").put("media_type", m.mediaType()).put("data", m.base64());
        } else {
            src.put("type", "url").put("url", m.url());
        }
        return block;
    }

    private static void sortToolResultsFirst(ArrayNode content) {
        List<com.fasterxml.jackson.databind.JsonNode> all = new ArrayList<>();
        content.forEach(all::add);
        content.removeAll();
        all.stream().filter(n -> n.path("type").asText().equals("tool_result")).forEach(content::add);
        all.stream().filter(n -> !n.path("type").asText().equals("tool_result")).forEach(content::add);
    }

    private static void writeToolChoice(ToolChoice tc, ObjectNode out) {
        if (tc == null) {
            return;
        }
        ObjectNode o = out.putObject("tool_choice");
        switch (tc.mode()) {
            case AUTO -> o.put("type", "auto");
            case ANY -> o.put("type", "any");
            case TOOL -> o.put("type", "tool").put("name", ToolNames.shorten(tc.name()));
            case NONE -> o.put("type", "none");
        }
        if (Boolean.FALSE.equals(tc.parallel()) && tc.mode() != ToolChoice.Mode.NONE) {
            o.put("disable_parallel_tool_use", true);
        }
    }

    /** The thinking budget to send, or null when thinking stays off or cannot be honoured. */
    private static Integer thinkingBudget(Conversation c, int maxTokens, ArrayNode messages) {
        Reasoning r = c.reasoning();
        if (r == null || !r.enabled()) {
            return null;
        }
        int budget = Math.max(MIN_THINKING_BUDGET, r.budget());
        if (budget >= maxTokens) {
            budget = maxTokens - 1;
        }
        if (budget < MIN_THINKING_BUDGET) {
            return null;
        }
        // Anthropic rejects a thinking request whose last assistant turn called a tool without a thinking block
        for (int i = messages.size() - 1; i >= 0; i--) {
            var m = messages.get(i);
            if (m.path("role").asText().equals("assistant")) {
                boolean calls = false;
                boolean thinks = false;
                for (var block : m.path("content")) {
                    calls |= block.path("type").asText().equals("tool_use");
                    thinks |= block.path("type").asText().equals("thinking");
                }
                return calls && !thinks ? null : budget;
            }
        }
        return budget;
    }
}
