package dev.cch.protocol.sse;

import java.nio.charset.StandardCharsets;

/**
 * One server-sent event. {@code event} and {@code id} may be null; {@code data} joins multi-line data with '\n'
 * and is null when the frame had no data field (a comment or keep-alive).
 */
public record SseEvent(String event, String data, String id) {

    public static SseEvent of(String event, String data) {
        return new SseEvent(event, data, null);
    }

    public boolean isComment() {
        return event == null && data == null && id == null;
    }

    /** Parses one raw frame as produced by {@link SseFramer}. */
    public static SseEvent parse(byte[] frame) {
        return parse(new String(frame, StandardCharsets.UTF_8));
    }

    public static SseEvent parse(String frame) {
        String event = null;
        String id = null;
        StringBuilder data = null;
        int i = 0;
        int n = frame.length();
        while (i < n) {
            int end = i;
            while (end < n && frame.charAt(end) != '\n' && frame.charAt(end) != '\r') {
                end++;
            }
            if (end > i && frame.charAt(i) != ':') {
                int colon = frame.indexOf(':', i);
                String field;
                String value;
                if (colon < 0 || colon > end) {
                    field = frame.substring(i, end);
                    value = "";
                } else {
                    field = frame.substring(i, colon);
                    int v = colon + 1;
                    if (v < end && frame.charAt(v) == ' ') {
                        v++;
                    }
                    value = frame.substring(v, end);
                }
                switch (field) {
                    case "event" -> event = value;
                    case "id" -> id = value;
                    case "data" -> {
                        if (data == null) {
                            data = new StringBuilder(value.length());
                        } else {
                            data.append('\n');
                        }
                        data.append(value);
                    }
                    default -> { }
                }
            }
            // skip one line terminator (\r\n counts as one)
            if (end < n && frame.charAt(end) == '\r' && end + 1 < n && frame.charAt(end + 1) == '\n') {
                end++;
            }
            i = end + 1;
        }
        return new SseEvent(event, data == null ? null : data.toString(), id);
    }
}
