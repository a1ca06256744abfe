package dev.cch.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A loopback HTTP endpoint that records every request it gets (webhook targets, a Langfuse stand-in). It can fail
 * the next requests, answer with a fixed body, or hang until closed.
 */
public final class FakeReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile int failStatus = 500;
    private volatile int status = 200;
    private volatile String answer = "{}";
    private volatile boolean hang;

    /** One request as it arrived. {@code path} excludes the query; header names are lower case. */
    public record Received(String method, String path, String query, Map<String, String> headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + text(), e);
            }
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private FakeReceiver(HttpServer server) {
        this.server = server;
    }

    public static FakeReceiver start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FakeReceiver r = new FakeReceiver(s);
            s.setExecutor(r.executor);
            s.createContext("/", r::handle);
            s.start();
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next {@code n} requests are answered with {@code failStatus}. */
    public FakeReceiver failNext(int n, int failStatus) {
        this.failStatus = failStatus;
        failuresLeft.set(n);
        return this;
    }

    /** Every other request is answered with this status and JSON body. */
    public FakeReceiver answer(int status, String body) {
        this.status = status;
        this.answer = body;
        return this;
    }

    /** Requests are recorded and then never answered, until the receiver is closed. */
    public FakeReceiver hang() {
        this.hang = true;
        return this;
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(Predicate<Received> matching) {
        return received().stream().filter(matching).toList();
    }

    /** Waits (polling, with a deadline) until at least {@code n} matching requests arrived; returns them all. */
    public List<Received> await(int n, Predicate<Received> matching) {
        Awaitility.await(n + " matching requests at the fake receiver").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20)).until(() -> received(matching).size() >= n);
        return received(matching);
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        Map<String, String> headers = new TreeMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.getFirst()));
        synchronized (this) {
            received.add(new Received(ex.getRequestMethod(), ex.getRequestURI().getPath(), ex.getRequestURI().getRawQuery(),
                    headers, body));
        }
        if (hang) {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
            return;
        }
        boolean fail = failuresLeft.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
        byte[] out = (fail ? "{\"error\":\"failing on purpose\"}" : answer).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("content-type", "application/json");
        ex.sendResponseHeaders(fail ? failStatus : status, out.length);
        ex.getResponseBody().write(out);
        ex.close();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
