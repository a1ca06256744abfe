package dev.cch.server.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Background requests for demo mode: a few per second, mixed users, models and protocols, some streamed, each user
 * in one of two coding sessions, so the dashboard, leaderboards and sessions have something to show within a minute.
 */
final class DemoTraffic implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DemoTraffic.class.getName());
    static final int RATE_PER_SECOND = 3;
    private static final String[] MODELS = {"claude-sonnet-4-5", "claude-sonnet-4-5", "claude-haiku-4-5",
            "claude-opus-4-1", "gpt-4.1", "gemini-2.5-flash"};

    private final String base;
    private final List<String> keys;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong sent = new AtomicLong();
    private final Thread loop;
    private volatile boolean running = true;

    private DemoTraffic(String base, List<String> keys) {
        this.base = base;
        this.keys = keys;
        this.loop = Thread.ofPlatform().daemon().name("cch-demo-traffic").unstarted(this::run);
    }

    static DemoTraffic start(String base, List<String> keys) {
        DemoTraffic t = new DemoTraffic(base, keys);
        t.loop.start();
        return t;
    }

    long sent() {
        return sent.get();
    }

    private void run() {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        while (running) {
            int user = rnd.nextInt(keys.size());
            String model = MODELS[rnd.nextInt(MODELS.length)];
            String session = UUID.nameUUIDFromBytes(("demo-" + user + "-" + rnd.nextInt(2)).getBytes()).toString();
            boolean stream = rnd.nextInt(3) == 0;
            // requests overlap like several people's agents do; each takes the fake provider's latency
            Thread.ofVirtual().start(() -> send(keys.get(user), model, session, stream));
            sent.incrementAndGet();
            try {
                Thread.sleep(rnd.nextLong(1000 / RATE_PER_SECOND / 2, 1000 * 3 / RATE_PER_SECOND / 2));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void send(String key, String model, String session, boolean stream) {
        boolean openAi = model.startsWith("gpt-");
        String prompt = "Summarise the change in two lines.";
        String body = openAi
                ? "{\"model\":\"" + model + "\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\""
                + prompt + "\"}]}"
                : "{\"model\":\"" + model + "\",\"max_tokens\":256,\"stream\":" + stream
                + ",\"metadata\":{\"user_id\":\"user_demo_account__session_" + session + "\"},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}";
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + (openAi ? "/v1/chat/completions" : "/v1/messages")))
                .timeout(Duration.ofSeconds(30)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        r = openAi ? r.header("authorization", "Bearer " + key)
                : r.header("x-api-key", key).header("anthropic-version", "2023-06-01");
        try {
            http.send(r.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            if (running) {
                LOG.fine("demo request failed: " + e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        loop.interrupt();
        try {
            loop.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
