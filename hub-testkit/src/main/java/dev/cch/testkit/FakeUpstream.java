package dev.cch.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.common.socket.SocketOptions;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake AI provider on 127.0.0.1 that speaks the providers' wire protocols the way the real APIs do, with
 * latency, pacing and faults on demand. Tests script it; benchmarks and demo mode run it as the upstream.
 *
 * <p>Answers come from a queue of {@link Behaviour}s (one per request) and fall back to a default behaviour.
 * Without a scripted reply the answer is derived from the request: a tool call when tools are offered and no
 * tool result came back yet, otherwise a short text that names this upstream.
 */
public final class FakeUpstream implements AutoCloseable {
    private static final int MAX_RECORDED = 2000;

    private final String name;
    // like a real provider, the fake takes strings past Jackson's 20-million-character default (large pasted files)
    private final ObjectMapper mapper = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder().maxStringLength(256 << 20).build())
            .build());
    private final Map<String, Wire> wires = new LinkedHashMap<>();
    private final Deque<Behaviour> queue = new ArrayDeque<>();
    private final Deque<RecordedRequest> recorded = new ArrayDeque<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();
    private volatile java.util.function.Supplier<Behaviour> defaultBehaviour = Behaviour::ok;
    private volatile String expectedKey;
    private final WebServer server;

    private FakeUpstream(String name, int port) {
        this.name = name;
        wires.put("anthropic", new AnthropicWire(mapper));
        wires.put("openai-chat", new OpenAiChatWire(mapper));
        wires.put("openai-responses", new ResponsesWire(mapper));
        GeminiWire gemini = new GeminiWire(mapper);
        wires.put("gemini", gemini);
        wires.put("gemini-cli", new CodeAssistWire(mapper, gemini));
        this.server = WebServer.builder()
                .host("127.0.0.1")
                .port(port)
                .connectionOptions(SocketOptions.builder().tcpNoDelay(true).build())
                .routing(this::routing)
                .build()
                .start();
    }

    /** Starts a fake upstream on a free port. */
    public static FakeUpstream start(String name) {
        return new FakeUpstream(name, 0);
    }

    public static FakeUpstream start(String name, int port) {
        return new FakeUpstream(name, port);
    }

    /** A loopback port where nothing listens: connections to it are refused. */
    public static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return server.port();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Answers the next requests with these behaviours, in order. */
    public synchronized FakeUpstream enqueue(Behaviour... behaviours) {
        queue.addAll(List.of(behaviours));
        return this;
    }

    /** The behaviour used when the queue is empty. */
    public FakeUpstream defaultBehaviour(Behaviour b) {
        this.defaultBehaviour = () -> b;
        return this;
    }

    /** Chooses the behaviour of each request the queue does not cover (e.g. faults at random, for soak runs). */
    public FakeUpstream defaultBehaviour(java.util.function.Supplier<Behaviour> chooser) {
        this.defaultBehaviour = chooser;
        return this;
    }

    /** Requires this key (in x-api-key, Bearer or x-goog-api-key); other keys get 401. Null accepts any. */
    public FakeUpstream expectKey(String key) {
        this.expectedKey = key;
        return this;
    }

    public synchronized List<RecordedRequest> requests() {
        return new ArrayList<>(recorded);
    }

    public synchronized RecordedRequest lastRequest() {
        return recorded.peekLast();
    }

    /** How many requests arrived (counted before they are answered, so callers see it as soon as they have a reply). */
    public long served() {
        return served.get();
    }

    /**
     * The stream this fake sends for a reply, as SSE frames (for byte-for-byte comparisons in tests). Wires:
     * anthropic, openai-chat (with the usage chunk), openai-responses, gemini, gemini-cli.
     */
    public List<String> render(String wire, Reply reply, String model, String id) {
        Wire w = wires.get(wire);
        if (w == null) {
            throw new IllegalArgumentException("unknown wire: " + wire + "; known: " + wires.keySet());
        }
        return w.events(reply, model, id);
    }

    /** The complete (non-streaming) body this fake sends for a reply. */
    public String renderJson(String wire, Reply reply, String model, String id) {
        return wires.get(wire).json(reply, model, id);
    }

    /** Streams the reader (the hub) dropped before they were over. */
    public long abandoned() {
        return abandoned.get();
    }

    public synchronized void reset() {
        queue.clear();
        recorded.clear();
        defaultBehaviour = Behaviour::ok;
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop();
    }

    private void routing(HttpRouting.Builder r) {
        r.post("/v1/messages", (req, res) -> handle(req, res, "anthropic", null, false))
                .post("/v1/messages/count_tokens", (req, res) -> countTokens(req, res, "input_tokens"))
                .post("/v1/chat/completions", (req, res) -> handle(req, res, "openai-chat", null, false))
                .post("/v1/responses", (req, res) -> handle(req, res, "openai-responses", null, false))
                .get("/v1/models", this::models)
                .post(this::googleRoutes)
                .any((req, res) -> res.status(Status.NOT_FOUND_404).send("no such endpoint on the fake upstream"));
    }

    /** Gemini paths put the method after a colon ({@code models/x:generateContent}, {@code v1internal:countTokens}). */
    private void googleRoutes(ServerRequest req, ServerResponse res) {
        String path = req.path().path();
        int colon = path.lastIndexOf(':');
        String method = colon < 0 ? "" : path.substring(colon + 1);
        String wire;
        String model = null;
        if (path.startsWith("/v1beta/models/") && colon > 0) {
            wire = "gemini";
            model = path.substring("/v1beta/models/".length(), colon);
        } else if (path.startsWith("/v1internal:")) {
            wire = "gemini-cli";
        } else {
            res.status(Status.NOT_FOUND_404).send("no such endpoint on the fake upstream");
            return;
        }
        switch (method) {
            case "generateContent" -> handle(req, res, wire, model, false);
            case "streamGenerateContent" -> handle(req, res, wire, model, true);
            case "countTokens" -> countTokens(req, res, "totalTokens");
            default -> res.status(Status.NOT_FOUND_404).send("no such method on the fake upstream");
        }
    }

    private void models(ServerRequest req, ServerResponse res) {
        record(req, new byte[0]);
        served.incrementAndGet();
        ModelLists lists = new ModelLists(mapper);
        boolean anthropic = req.headers().contains(HeaderNames.create("anthropic-version"));
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(anthropic ? lists.anthropic() : lists.openAi(name));
    }

    private void countTokens(ServerRequest req, ServerResponse res, String field) {
        byte[] body = req.content().as(byte[].class);
        record(req, body);
        served.incrementAndGet();
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send("{\"" + field + "\":" + Math.max(1, body.length / 4) + "}");
    }

    private void handle(ServerRequest req, ServerResponse res, String wireName, String pathModel, boolean forceStream) {
        byte[] body = req.content().as(byte[].class);
        record(req, body);
        served.incrementAndGet();
        Behaviour b = next();
        Wire wire = wires.get(wireName);
        try {
            if (!b.headerDelay().isZero()) {
                pause(b.headerDelay());
            }
            if (expectedKey != null && !expectedKey.equals(presentedKey(req))) {
                sendJson(res, 401, wire.errorJson(401, "invalid x-api-key"));
                return;
            }
            JsonNode request;
            try {
                request = mapper.readTree(body);
            } catch (IOException e) {
                sendJson(res, 400, wire.errorJson(400, "request body is not valid JSON"));
                return;
            }
            boolean stream = forceStream || request.path("stream").asBoolean(false);
            String model = pathModel != null ? pathModel : request.path("model").asText("unknown-model");
            Reply reply = b.reply() != null ? b.reply() : RequestReplies.derive(wireName, request, name, body.length);
            String id = wire.idPrefix() + name + "_" + ids.incrementAndGet();
            switch (b.fault()) {
                case HANG -> {
                    closing.await();
                    return;
                }
                case STATUS -> {
                    sendJson(res, b.status(), wire.errorJson(b.status(), "fake upstream " + name + " says " + b.status()));
                    return;
                }
                case HTML_200 -> {
                    res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
                    res.send("<!DOCTYPE html><html><body><h1>Bad gateway</h1><p>nginx</p></body></html>");
                    return;
                }
                case EMPTY_200 -> {
                    res.header(HeaderNames.CONTENT_TYPE, "application/json");
                    res.send(new byte[0]);
                    return;
                }
                case ERROR_JSON_200 -> {
                    sendJson(res, 200, wire.errorJson(500, "upstream account suspended"));
                    return;
                }
                default -> { }
            }
            if (!stream) {
                sendJson(res, 200, wire.json(reply, model, id));
                return;
            }
            streamReply(res, b, wire.events(reply, model, id, request), wire.opening(reply, model, id), wire);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void streamReply(ServerResponse res, Behaviour b, List<String> events, String opening, Wire wire)
            throws InterruptedException {
        res.header(HeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        try (OutputStream out = res.outputStream()) {
            switch (b.fault()) {
                case EMPTY_STREAM -> {
                    // the opening event only, then a clean end with no content
                    write(out, opening);
                    return;
                }
                case ERROR_EVENT_BEFORE_CONTENT -> {
                    write(out, opening);
                    write(out, wire.streamErrorEvent("Overloaded"));
                    return;
                }
                case MALFORMED_SSE -> {
                    write(out, "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{{{\n\n");
                    write(out, "data: not json at all\n\n");
                    return;
                }
                default -> { }
            }
            int sent = 0;
            for (String event : events) {
                if (b.fault() == Behaviour.Fault.RESET_MID_STREAM && sent >= b.faultAfter()) {
                    throw new UpstreamReset();
                }
                if (sent > 0 && !b.eventInterval().isZero()) {
                    pause(b.eventInterval());
                }
                if (b.stallAfter() > 0 && sent == b.stallAfter()) {
                    pause(b.stall());
                }
                write(out, event);
                sent++;
            }
        } catch (IOException | UncheckedIOException e) {
            // the reader went away before the stream was over
            abandoned.incrementAndGet();
        } catch (RuntimeException e) {
            if (e instanceof UpstreamReset) {
                throw e;
            }
            // Helidon reports a closed connection with its own runtime exceptions too
            abandoned.incrementAndGet();
        }
    }

    private static void write(OutputStream out, String frame) throws IOException {
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void pause(Duration d) throws InterruptedException {
        closing.await(d.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static void sendJson(ServerResponse res, int status, String json) {
        res.status(Status.create(status));
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String presentedKey(ServerRequest req) {
        var h = req.headers();
        if (h.contains(HeaderNames.create("x-api-key"))) {
            return h.get(HeaderNames.create("x-api-key")).get();
        }
        if (h.contains(HeaderNames.create("x-goog-api-key"))) {
            return h.get(HeaderNames.create("x-goog-api-key")).get();
        }
        if (h.contains(HeaderNames.AUTHORIZATION)) {
            String v = h.get(HeaderNames.AUTHORIZATION).get();
            return v.regionMatches(true, 0, "Bearer ", 0, 7) ? v.substring(7) : v;
        }
        return req.query().first("key").orElse(null);
    }

    private synchronized Behaviour next() {
        Behaviour b = queue.pollFirst();
        return b != null ? b : defaultBehaviour.get();
    }

    private synchronized void record(ServerRequest req, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        req.headers().forEach(h -> headers.put(h.name().toLowerCase(Locale.ROOT), h.allValues()));
        recorded.addLast(new RecordedRequest(req.prologue().method().text(), req.path().path(),
                req.query().rawValue(), headers, body));
        while (recorded.size() > MAX_RECORDED) {
            recorded.pollFirst();
        }
    }

    /** Thrown inside a stream to make the server drop the connection mid-response. */
    private static final class UpstreamReset extends RuntimeException {
        UpstreamReset() {
            super("fake upstream reset the stream", null, false, false);
        }
    }
}
