package dev.cch.protocol.convert.gemini;

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
import dev.cch.protocol.convert.model.Sampling;
import dev.cch.protocol.convert.model.ToolChoice;
import dev.cch.protocol.convert.model.ToolSpec;
import dev.cch.protocol.convert.model.Turn;

import java.util.HashMap;
import java.util.Map;

/** Writes a Gemini generateContent request (the model goes in the URL, not the body). */
public final class GeminiRequestWriter implements RequestWriter {
    /** The largest budget every Gemini 2.5 model accepts. */
    private static final int MAX_THINKING_BUDGET = 24576;

    private final ObjectMapper mapper;

    public GeminiRequestWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public ObjectNode write(Conversation c, RequestContext ctx) {
        ObjectNode out = Json.object();
        ArrayNode contents = out.putArray("contents");
        Map<String, String> callNames = new HashMap<>();
        String lastRole = null;
        ArrayNode lastParts = null;
        for (Turn t : c.turns()) {
            String role = t.role() == Turn.Role.ASSISTANT ? "model" : "user";
            ArrayNode parts = parts(t, callNames);
            if (parts.isEmpty()) {
                continue;
            }
            if (role.equals(lastRole)) {
                lastParts.addAll(parts);
                continue;
            }
            ObjectNode content = contents.addObject().put("role", role);
            content.set("parts", parts);
            lastRole = role;
            lastParts = parts;
        }
        if (!c.system().isEmpty()) {
            ArrayNode sys = out.putObject("systemInstruction").putArray("parts");
            c.system().forEach(s -> sys.addObject().put("text", s));
        }
        if (!c.tools().isEmpty()) {
            ArrayNode decls = out.putArray("tools").addObject().putArray("functionDeclarations");
            for (ToolSpec t : c.tools()) {
                ObjectNode f = decls.addObject().put("name", ToolNames.shorten(t.name()));
                Json.putIfNotNull(f, "description", t.description());
                f.set("parameters", GeminiSchema.clean(t.schema()));
            }
            toolChoice(c.toolChoice(), out);
        }
        ObjectNode gen = generationConfig(c);
        if (!gen.isEmpty()) {
            out.set("generationConfig", gen);
        }
        return out;
    }

    private ArrayNode parts(Turn t, Map<String, String> callNames) {
        ArrayNode parts = Json.array();
        String pendingSignature = null;
        for (Part p : t.parts()) {
            ObjectNode part = null;
            switch (p) {
                case Part.Text x -> {
                    if (!x.text().isEmpty()) {
                        part = Json.object().put("text", x.text());
                    }
                }
                case Part.Media m -> part = media(m);
                case Part.Thinking th -> {
                    String sig = Signatures.toProvider(ClientProtocol.GEMINI, th.signature());
                    if (sig != null) {
                        if (!th.text().isEmpty()) {
                            parts.addObject().put("text", th.text()).put("thought", true);
                        }
                        pendingSignature = sig; // Gemini expects it on the part that follows the thought
                    }
                }
                case Part.ToolCall call -> {
                    String name = ToolNames.shorten(call.name());
                    callNames.put(call.id(), name);
                    part = Json.object();
                    ObjectNode fc = part.putObject("functionCall").put("name", name);
                    fc.set("args", Json.argumentsObject(mapper, call.argumentsJson()));
                }
                case Part.ToolResult r -> {
                    part = Json.object();
                    ObjectNode fr = part.putObject("functionResponse")
                            .put("name", callNames.getOrDefault(r.callId(), "unknown_function"));
                    fr.putObject("response").put(r.error() ? "error" : "output", r.text());
                }
            }
            if (part != null) {
                if (pendingSignature != null) {
                    part.put("thoughtSignature", pendingSignature);
                    pendingSignature = null;
                }
                parts.add(part);
            }
            if (p instanceof Part.ToolResult r) {
                r.content().stream().filter(x -> x instanceof Part.Media).forEach(m -> parts.add(media((Part.Media) m)));
            }
        }
        if (pendingSignature != null) {
            parts.addObject().put("text", "").put("thoughtSignature", pendingSignature);
        }
        return parts; // a mid-conversation system turn stays in place as user text: Gemini has no such role
    }

    private static ObjectNode media(Part.Media m) {
        ObjectNode part = Json.object();
        if (m.inline()) {
            part.putObject("inlineData").put("mimeType", m.mediaType()).put("data", m.base64());
        } else {
            ObjectNode fd = part.putObject("fileData");
            Json.putIfNotNull(fd, "mimeType", m.mediaType());
            fd.put("fileUri", m.url());
        }
        return part;
    }

    private static void toolChoice(ToolChoice tc, ObjectNode out) {
        if (tc == null) {
            return;
        }
        ObjectNode cfg = out.putObject("toolConfig").putObject("functionCallingConfig");
        switch (tc.mode()) {
            case AUTO -> cfg.put("mode", "AUTO");
            case ANY -> cfg.put("mode", "ANY");
            case NONE -> cfg.put("mode", "NONE");
            case TOOL -> {
                cfg.put("mode", "ANY");
                cfg.putArray("allowedFunctionNames").add(ToolNames.shorten(tc.name()));
            }
        }
    }

    private static ObjectNode generationConfig(Conversation c) {
        ObjectNode g = Json.object();
        Sampling s = c.sampling();
        Json.putIfNotNull(g, "maxOutputTokens", s.maxTokens());
        Json.putIfNotNull(g, "temperature", s.temperature());
        Json.putIfNotNull(g, "topP", s.topP());
        Json.putIfNotNull(g, "topK", s.topK());
        if (!s.stop().isEmpty()) {
            ArrayNode stop = g.putArray("stopSequences");
            s.stop().forEach(stop::add);
        }
        if (c.reasoning() != null && c.reasoning().enabled()) {
            g.putObject("thinkingConfig").put("thinkingBudget", Math.min(MAX_THINKING_BUDGET, c.reasoning().budget()))
                    .put("includeThoughts", true);
        }
        return g;
    }
}
