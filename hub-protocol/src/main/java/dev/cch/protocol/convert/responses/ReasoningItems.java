package dev.cch.protocol.convert.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cch.protocol.ClientProtocol;
import dev.cch.protocol.convert.common.Json;
import dev.cch.protocol.convert.common.Signatures;
import dev.cch.protocol.convert.model.Part;

/**
 * Reasoning items travel as thinking parts. A Responses item needs its id and encrypted content back, so the
 * Responses signature packs both as {@code <id>|<encrypted_content>}.
 */
final class ReasoningItems {
    private ReasoningItems() {
    }

    /** A reasoning item (from a provider or sent back by a client) as a thinking part. */
    static Part.Thinking read(JsonNode item, boolean fromClient) {
        StringBuilder text = new StringBuilder();
        for (JsonNode s : item.path("summary")) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(s.path("text").asText(""));
        }
        if (text.isEmpty()) {
            item.path("content").forEach(c -> text.append(c.path("text").asText("")));
        }
        String enc = Json.text(item, "encrypted_content");
        String packed = Json.text(item, "id", "") + "|" + (enc == null ? "" : enc);
        String sig;
        if (fromClient) {
            // our own tagged foreign signatures come back in encrypted_content
            sig = Signatures.tagged(enc)
                    ? Signatures.fromClient(ClientProtocol.OPENAI_RESPONSES, enc)
                    : Signatures.fromClient(ClientProtocol.OPENAI_RESPONSES, packed);
        } else {
            sig = Signatures.fromProvider(ClientProtocol.OPENAI_RESPONSES, packed);
        }
        return new Part.Thinking(text.toString(), sig);
    }

    /** A reasoning input item for a Responses provider, or null when the signature is not one of its own. */
    static ObjectNode forProvider(Part.Thinking t) {
        String raw = Signatures.toProvider(ClientProtocol.OPENAI_RESPONSES, t.signature());
        if (raw == null) {
            return null;
        }
        int bar = raw.indexOf('|');
        String id = bar < 0 ? raw : raw.substring(0, bar);
        String enc = bar < 0 ? "" : raw.substring(bar + 1);
        ObjectNode item = Json.object().put("type", "reasoning");
        if (!id.isEmpty()) {
            item.put("id", id);
        }
        summary(item, t.text());
        if (!enc.isEmpty()) {
            item.put("encrypted_content", enc);
        }
        return item;
    }

    /** A reasoning output item for a Responses client. */
    static ObjectNode forClient(String id, Part.Thinking t) {
        ObjectNode item = Json.object().put("id", id).put("type", "reasoning");
        summary(item, t.text());
        String enc = Signatures.toClient(ClientProtocol.OPENAI_RESPONSES, t.signature());
        if (enc != null) {
            item.put("encrypted_content", enc);
        }
        return item;
    }

    private static void summary(ObjectNode item, String text) {
        var summary = item.putArray("summary");
        if (!text.isEmpty()) {
            summary.addObject().put("type", "summary_text").put("text", text);
        }
    }
}
