package dev.cch.admin.api;

import dev.cch.protocol.admin.LiveEvent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Reads {@code GET /api/v1/events} (server-sent events) and hands each decoded {@link LiveEvent} to a sink. */
final class EventStreamReader {
    private final HubHttp http;

    EventStreamReader(HubHttp http) {
        this.http = http;
    }

    void follow(String lastEventId, HubClient.EventSink sink) throws HubException {
        Map<String, String> headers = new HashMap<>();
        headers.put("Accept", "text/event-stream");
        if (lastEventId != null) {
            headers.put("Last-Event-ID", lastEventId);
        }
        // no request timeout: the stream is endless and carries a metrics event every second
        var response = http.open("/api/v1/events", Map.of(), headers, null);
        try (InputStream in = response.body();
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String id = null;
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    dispatch(id, data, sink);
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = field(line, 3);
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) {
                        data.append('\n');
                    }
                    data.append(field(line, 5));
                }
                // "event:" repeats the JSON type and ":" lines are keep-alives: nothing to do
            }
        } catch (IOException e) {
            throw new HubException(HubException.Kind.UNREACHABLE, "The live stream from " + http.base() + " dropped.");
        }
    }

    private void dispatch(String id, StringBuilder data, HubClient.EventSink sink) {
        if (data.isEmpty()) {
            return;
        }
        LiveEvent event;
        try {
            event = http.mapper().readValue(data.toString(), LiveEvent.class);
        } catch (IOException e) {
            return; // an event type newer than this client: skip it, keep the stream
        }
        sink.accept(id, event);
    }

    private static String field(String line, int start) {
        return line.length() > start && line.charAt(start) == ' ' ? line.substring(start + 1) : line.substring(start);
    }
}
