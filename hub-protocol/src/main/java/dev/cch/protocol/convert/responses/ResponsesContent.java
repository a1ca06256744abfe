package dev.cch.protocol.convert.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.cch.protocol.convert.common.Json;
import dev.cch.protocol.convert.common.MediaUrls;
import dev.cch.protocol.convert.model.Part;

import java.util.ArrayList;
import java.util.List;

/** Message content parts of the Responses API: input_text, output_text, input_image, input_file. */
final class ResponsesContent {
    private ResponsesContent() {
    }

    static List<Part> parts(JsonNode content) {
        List<Part> parts = new ArrayList<>();
        if (content.isTextual()) {
            parts.add(new Part.Text(content.asText()));
            return parts;
        }
        for (JsonNode p : content) {
            switch (p.path("type").asText()) {
                case "input_text", "output_text", "text" -> parts.add(new Part.Text(p.path("text").asText("")));
                case "refusal" -> parts.add(new Part.Text(p.path("refusal").asText("")));
                case "input_image" -> {
                    String url = Json.text(p, "image_url");
                    if (url != null) {
                        parts.add(MediaUrls.parse(url));
                    }
                }
                case "input_file" -> {
                    String data = Json.text(p, "file_data");
                    String url = Json.text(p, "file_url");
                    if (data != null) {
                        Part.Media m = MediaUrls.parse(data);
                        parts.add(m.inline() ? m : new Part.Media("application/pdf", data, null));
                    } else if (url != null) {
                        parts.add(new Part.Media("application/pdf", null, url));
                    }
                }
                default -> { }
            }
        }
        return parts;
    }

    static String text(JsonNode content) {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts(content)) {
            if (p instanceof Part.Text t) {
                sb.append(t.text());
            }
        }
        return sb.toString();
    }

    /** Input content parts for user-side text and media. */
    static ArrayNode input(List<Part> parts) {
        ArrayNode content = Json.array();
        for (Part p : parts) {
            if (p instanceof Part.Text t) {
                content.addObject().put("type", "input_text").put("text", t.text());
            } else if (p instanceof Part.Media m) {
                if (m.mediaType() == null || m.mediaType().startsWith("image/")) {
                    content.addObject().put("type", "input_image").put("detail", "auto").put("image_url", m.asUrl());
                } else if (m.inline()) {
                    content.addObject().put("type", "input_file").put("filename", "document.pdf").put("file_data", m.asUrl());
                } else {
                    content.addObject().put("type", "input_file").put("file_url", m.url());
                }
            }
        }
        return content;
    }
}
