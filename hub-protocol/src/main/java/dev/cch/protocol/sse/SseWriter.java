package dev.cch.protocol.sse;

import java.nio.charset.StandardCharsets;

/** Encodes events in the layout the official APIs use: {@code event: x\ndata: {...}\n\n}. */
public final class SseWriter {
    private SseWriter() {
    }

    public static byte[] encode(SseEvent e) {
        return encode(e.event(), e.data(), e.id());
    }

    public static byte[] encode(String event, String data) {
        return encode(event, data, null);
    }

    public static byte[] encode(String event, String data, String id) {
        StringBuilder sb = new StringBuilder(data == null ? 32 : data.length() + 32);
        if (id != null) {
            sb.append("id: ").append(id).append('\n');
        }
        if (event != null) {
            sb.append("event: ").append(event).append('\n');
        }
        if (data != null) {
            int start = 0;
            int nl;
            while ((nl = data.indexOf('\n', start)) >= 0) {
                sb.append("data: ").append(data, start, nl).append('\n');
                start = nl + 1;
            }
            sb.append("data: ").append(data, start, data.length()).append('\n');
        }
        sb.append('\n');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
