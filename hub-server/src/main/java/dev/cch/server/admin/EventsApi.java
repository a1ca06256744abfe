package dev.cch.server.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.admin.LiveEvent;
import dev.cch.protocol.sse.SseWriter;
import dev.cch.server.events.EventHub;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /api/v1/events}: the live event stream (SSE). Each event's name is its type and its id lets a client
 * resume with {@code Last-Event-ID}. A comment goes out every 15 s so proxies keep the connection open.
 */
public final class EventsApi implements AdminRoute.Service {
    private static final long KEEP_ALIVE_MS = 15_000;
    private final EventHub hub;
    private final ObjectMapper mapper;
    private final BooleanSupplier running;

    public EventsApi(EventHub hub, ObjectMapper mapper, BooleanSupplier running) {
        this.hub = hub;
        this.mapper = mapper;
        this.running = running;
    }

    @Override
    public String root() {
        return "/api/v1/events";
    }

    @Override
    public List<AdminRoute> routes() {
        return List.of(AdminRoute.get("/", this::stream));
    }

    private void stream(ServerRequest req, ServerResponse res) {
        long last = req.headers().first(HeaderNames.create("Last-Event-ID")).map(s -> {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return 0L;
            }
        }).orElse(0L);
        res.header(HeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        res.header(HeaderNames.create("x-accel-buffering"), "no");
        try (EventHub.Subscription sub = hub.subscribe(last); OutputStream out = res.outputStream()) {
            out.write(": connected\n\n".getBytes());
            out.flush();
            long lastWrite = System.nanoTime();
            while (running.getAsBoolean()) {
                // short waits so the stream ends promptly when the hub starts shutting down
                EventHub.Numbered n = sub.next(1000);
                if (n != null) {
                    write(out, n);
                    for (EventHub.Numbered more : sub.drain()) {
                        write(out, more);
                    }
                } else if (System.nanoTime() - lastWrite < KEEP_ALIVE_MS * 1_000_000) {
                    continue;
                } else {
                    out.write(": keep-alive\n\n".getBytes());
                }
                out.flush();
                lastWrite = System.nanoTime();
            }
        } catch (IOException | RuntimeException e) {
            // the client went away (Helidon reports that unchecked as well)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(OutputStream out, EventHub.Numbered n) throws IOException {
        try {
            out.write(SseWriter.encode(type(n.event()), mapper.writeValueAsString(n.event()), Long.toString(n.id())));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String type(LiveEvent e) {
        return switch (e) {
            case LiveEvent.Request r -> "request";
            case LiveEvent.Breaker b -> "breaker";
            case LiveEvent.Limit l -> "limit";
            case LiveEvent.Metrics m -> "metrics";
        };
    }
}
