package dev.cch.protocol.convert.model;

import java.util.List;

/** One piece of a message. */
public sealed interface Part permits Part.Text, Part.Media, Part.Thinking, Part.ToolCall, Part.ToolResult {

    record Text(String text) implements Part {
    }

    /**
     * An image or document, either inline ({@code base64} set) or by reference ({@code url} set).
     *
     * @param mediaType MIME type, e.g. image/png; may be null for a URL
     */
    record Media(String mediaType, String base64, String url) implements Part {
        public boolean inline() {
            return base64 != null;
        }

        /** The content as a data: URL or the URL itself. */
        public String asUrl() {
            return inline() ? "data:" + mediaType + ";base64," + base64 : url;
        }
    }

    /** Model reasoning; {@code signature} is in {@link dev.cch.protocol.convert.common.Signatures} neutral form. */
    record Thinking(String text, String signature) implements Part {
    }

    /** A call the model made; {@code argumentsJson} is a JSON object as text. */
    record ToolCall(String id, String name, String argumentsJson) implements Part {
    }

    /** What a tool returned for call {@code callId}; content is text and media. */
    record ToolResult(String callId, List<Part> content, boolean error) implements Part {
        public ToolResult {
            content = List.copyOf(content);
        }

        /** The text parts joined. */
        public String text() {
            StringBuilder sb = new StringBuilder();
            for (Part p : content) {
                if (p instanceof Text t) {
                    if (!sb.isEmpty()) {
                        sb.append('\n');
                    }
                    sb.append(t.text());
                }
            }
            return sb.toString();
        }
    }
}
