package dev.cch.protocol.convert.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.protocol.ClientProtocol;
import dev.cch.protocol.convert.common.Hashes;
import dev.cch.protocol.convert.common.Json;
import dev.cch.protocol.convert.common.Signatures;
import dev.cch.protocol.convert.model.Part;

import java.util.List;

/**
 * Reads Gemini parts. Thought parts become thinking; a thought signature on any other part (Gemini puts them on
 * the part after the reasoning, e.g. a function call) signs the thought before it, or becomes a text-less thinking
 * part. Writers put signatures back on the part after the thought.
 * Gemini function calls usually have no id: one is derived from the response and the call's position.
 */
final class GeminiParts {
    private GeminiParts() {
    }

    /**
     * @param origin how to read signatures: from a provider, or sent back by a Gemini client
     * @param idSeed seed for ids of calls without one
     */
    static void read(JsonNode part, boolean fromClient, String idSeed, List<Part> out) {
        String sig = Json.text(part, "thoughtSignature");
        String neutralSig = fromClient ? Signatures.fromClient(ClientProtocol.GEMINI, sig)
                : Signatures.fromProvider(ClientProtocol.GEMINI, sig);
        if (part.path("thought").asBoolean(false)) {
            out.add(new Part.Thinking(part.path("text").asText(""), neutralSig));
            return;
        }
        if (neutralSig != null) {
            // Gemini signs the reasoning on the part after it: it belongs to the thought just before, if any
            if (!out.isEmpty() && out.getLast() instanceof Part.Thinking t && t.signature() == null) {
                out.set(out.size() - 1, new Part.Thinking(t.text(), neutralSig));
            } else {
                out.add(new Part.Thinking("", neutralSig));
            }
        }
        if (part.has("text")) {
            String text = part.path("text").asText("");
            if (!text.isEmpty()) {
                out.add(new Part.Text(text));
            }
        } else if (part.has("inlineData")) {
            JsonNode d = part.path("inlineData");
            out.add(new Part.Media(d.path("mimeType").asText(), d.path("data").asText(), null));
        } else if (part.has("fileData")) {
            JsonNode d = part.path("fileData");
            out.add(new Part.Media(Json.text(d, "mimeType"), null, d.path("fileUri").asText()));
        } else if (part.has("functionCall")) {
            JsonNode f = part.path("functionCall");
            String id = Json.text(f, "id", Hashes.id("call_", idSeed + "/" + f.path("name").asText()));
            out.add(new Part.ToolCall(id, f.path("name").asText(),
                    f.path("args").isObject() ? f.path("args").toString() : "{}"));
        }
    }

    /** The text of a function response: its {@code output} (or {@code content}) when textual, else its JSON. */
    static String responseText(JsonNode response) {
        for (String key : List.of("output", "content", "result")) {
            JsonNode v = response.get(key);
            if (v != null && v.isTextual() && response.size() == 1) {
                return v.asText();
            }
        }
        return response.toString();
    }
}
