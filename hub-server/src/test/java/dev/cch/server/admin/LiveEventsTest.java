package dev.cch.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.server.testing.TestHub;
import dev.cch.testkit.Behaviour;
import dev.cch.testkit.FakeUpstream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/events} over real HTTP: request summaries, breaker transitions, limit rejections, metrics. */
class LiveEventsTest {
    static TestHub hub;
    static FakeUpstream upstream;
    static String key;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        upstream = FakeUpstream.start("live");
        hub = TestHub.start();
        hub.createProvider("live-claude", "claude", upstream.baseUrl(),
                p -> {
                    p.put("breaker", Map.of("failureThreshold", 1, "openDurationMs", 600_000, "halfOpenSuccesses", 1));
                    return p;
                });
        key = hub.createKey(Map.of("userId", hub.createUser("eve"), "name", "eve-key", "limits", Map.of("rpm", 3)));
    }

    @AfterAll
    static void stop() {
        hub.close();
        upstream.close();
    }

    /** One SSE event as read off the wire. */
    record Event(String id, String name, JsonNode data) {
    }

    /** Reads an SSE stream on a background thread into a queue. */
    static final class Listener implements AutoCloseable {
        final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        final HttpClient client = HttpClient.newHttpClient();
        final HttpResponse<Stream<String>> response;
        final Thread reader;

        Listener(String lastEventId) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/api/v1/events"))
                    .header("authorization", "Bearer " + TestHub.ADMIN_TOKEN);
            if (lastEventId != null) {
                b.header("Last-Event-ID", lastEventId);
            }
            try {
                response = client.send(b.build(), HttpResponse.BodyHandlers.ofLines());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            reader = Thread.ofVirtual().start(() -> {
                String id = null;
                String name = null;
                StringBuilder data = new StringBuilder();
                var it = response.body().iterator();
                try {
                    while (it.hasNext()) {
                        String line = it.next();
                        if (line.isEmpty()) {
                            if (!data.isEmpty()) {
                                events.add(new Event(id, name, JSON.readTree(data.toString())));
                            }
                            id = null;
                            name = null;
                            data.setLength(0);
                        } else if (line.startsWith("id:")) {
                            id = line.substring(3).trim();
                        } else if (line.startsWith("event:")) {
                            name = line.substring(6).trim();
                        } else if (line.startsWith("data:")) {
                            data.append(line.substring(5).trim());
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // closed
                }
            });
        }

        /** The next event of this type (others are skipped), waiting up to 10 s. */
        Event next(String type) throws InterruptedException {
            return next(type, e -> true);
        }

        /** The next event of this type that matches (others are skipped), waiting up to 10 s. */
        Event next(String type, java.util.function.Predicate<Event> matching) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                Event e = events.poll(200, TimeUnit.MILLISECONDS);
                if (e != null && e.name().equals(type) && matching.test(e)) {
                    return e;
                }
            }
            throw new AssertionError("no " + type + " event within 10 s");
        }

        @Override
        public void close() {
            reader.interrupt();
            response.body().close();
            client.close();
        }
    }

    static int send() {
        return hub.proxy().post("/v1/messages", Map.of("model", "claude-sonnet-4-5", "max_tokens", 16,
                        "messages", List.of(Map.of("role", "user", "content", "hi"))),
                "x-api-key", key, "anthropic-version", "2023-06-01").status();
    }

    @Test
    void streamCarriesRequestsBreakerTransitionsLimitsAndMetricsAndResumesAfterLastEventId() throws Exception {
        String lastId;
        try (Listener l = new Listener(null)) {
            assertThat(l.response.statusCode()).isEqualTo(200);
            assertThat(l.response.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");

            upstream.enqueue(Behaviour.ok());
            assertThat(send()).isEqualTo(200);
            Event request = l.next("request");
            assertThat(request.data().path("providerName").asText()).isEqualTo("live-claude");
            assertThat(request.data().path("status").asInt()).isEqualTo(200);
            assertThat(request.data().path("userName").asText()).isEqualTo("eve");
            assertThat(request.data().path("costUsd").decimalValue()).isPositive();

            upstream.enqueue(Behaviour.status(503));
            send();
            Event breaker = l.next("breaker");
            assertThat(breaker.data().path("state").asText()).isEqualTo("open");
            assertThat(breaker.data().path("providerName").asText()).isEqualTo("live-claude");

            send(); // third request of the minute: no provider left, but counted
            assertThat(send()).isEqualTo(429); // fourth: over the key's RPM
            Event limit = l.next("limit");
            assertThat(limit.data().path("limitType").asText()).isEqualTo("rpm");
            assertThat(limit.data().path("subject").asText()).isEqualTo("key");

            // today's totals are refreshed every two seconds: a later snapshot counts the logged requests
            Event metrics = l.next("metrics", e -> e.data().path("today").path("requests").asLong() >= 4);
            assertThat(metrics.data().path("droppedEvents").asLong()).isZero();
            assertThat(metrics.data().has("p95LatencyMs")).isTrue();
            lastId = request.id();
        }

        // a reconnect with Last-Event-ID gets what came after that id first, in order, no duplicates
        try (Listener again = new Listener(lastId)) {
            Event first = again.next("breaker");
            assertThat(Long.parseLong(first.id())).isGreaterThan(Long.parseLong(lastId));
        }
    }

    @Test
    void ordinaryKeysCannotListen() {
        var a = hub.proxy().get("/api/v1/events", "authorization", "Bearer " + key);
        assertThat(a.status()).isEqualTo(403);
    }
}
