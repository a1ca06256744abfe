package dev.cch.server.fuzz;

import dev.cch.server.testing.TestHub;
import dev.cch.testkit.Behaviour;
import dev.cch.testkit.FakeUpstream;
import dev.cch.testkit.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutated request bodies ({@link BodyMutator}) through the real HTTP stack, 10,000 per endpoint across all four client
 * protocols: whatever arrives, the hub answers below 500 and logs nothing SEVERE. Requests that survive validation are
 * converted for (or passed to) a fake upstream with a fixed short answer. Seeded, so a failure names its seed.
 */
class RequestFuzzTest {
    static final int PER_ENDPOINT = Integer.getInteger("fuzz.bodies", 10_000);
    static final long SEED = Long.getLong("fuzz.seed", 20261126L);
    static final int CLIENTS = Integer.getInteger("fuzz.clients", 4);

    static TestHub hub;
    static FakeUpstream upstream;
    static String key;
    static final List<LogRecord> severe = Collections.synchronizedList(new ArrayList<>());
    static final List<Throwable> uncaught = Collections.synchronizedList(new ArrayList<>());
    static final Handler collector = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.SEVERE.intValue()) {
                severe.add(r);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    static Thread.UncaughtExceptionHandler previous;

    record Target(String name, String path, String seed) {
    }

    static final String ANTHROPIC = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"stream\":false,"
            + "\"system\":[{\"type\":\"text\",\"text\":\"be brief\"}],\"metadata\":{\"user_id\":\"user_a_session_b\"},"
            + "\"tools\":[{\"name\":\"read\",\"description\":\"reads\",\"input_schema\":{\"type\":\"object\",\"properties\":{\"p\":{\"type\":\"string\"}}}}],"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"read\",\"input\":{\"p\":\"a\"}}]},"
            + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t1\",\"content\":\"ok\"},{\"type\":\"text\",\"text\":\"go on\"}]}],"
            + "\"temperature\":0.2}";
    static final String CHAT = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"stream\":false,\"temperature\":0.5,"
            + "\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"},{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]},"
            + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"read\",\"arguments\":\"{\\\"p\\\":\\\"a\\\"}\"}}]},"
            + "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"ok\"}],"
            + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"read\",\"parameters\":{\"type\":\"object\",\"properties\":{\"p\":{\"type\":\"string\"}}}}}],"
            + "\"tool_choice\":\"auto\",\"stream_options\":{\"include_usage\":true}}";
    static final String RESPONSES = "{\"model\":\"claude-sonnet-4-5\",\"instructions\":\"be brief\",\"stream\":false,"
            + "\"max_output_tokens\":64,\"prompt_cache_key\":\"pc-1\",\"reasoning\":{\"effort\":\"low\"},"
            + "\"input\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"hi\"}]},"
            + "{\"type\":\"function_call\",\"call_id\":\"c1\",\"name\":\"read\",\"arguments\":\"{}\"},"
            + "{\"type\":\"function_call_output\",\"call_id\":\"c1\",\"output\":\"ok\"}],"
            + "\"tools\":[{\"type\":\"function\",\"name\":\"read\",\"parameters\":{\"type\":\"object\"}}]}";
    static final String GEMINI = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]},"
            + "{\"role\":\"model\",\"parts\":[{\"functionCall\":{\"name\":\"read\",\"args\":{\"p\":\"a\"}}}]},"
            + "{\"role\":\"user\",\"parts\":[{\"functionResponse\":{\"name\":\"read\",\"response\":{\"r\":\"ok\"}}}]}],"
            + "\"systemInstruction\":{\"parts\":[{\"text\":\"be brief\"}]},\"generationConfig\":{\"maxOutputTokens\":64,\"temperature\":0.1},"
            + "\"tools\":[{\"functionDeclarations\":[{\"name\":\"read\",\"parameters\":{\"type\":\"OBJECT\"}}]}]}";

    static final List<Target> TARGETS = List.of(
            new Target("anthropic messages", "/v1/messages", ANTHROPIC),
            new Target("anthropic count_tokens", "/v1/messages/count_tokens", ANTHROPIC),
            new Target("openai chat", "/v1/chat/completions", CHAT),
            new Target("openai responses", "/v1/responses", RESPONSES),
            new Target("gemini generate", "/v1beta/models/claude-sonnet-4-5:generateContent", GEMINI),
            new Target("gemini stream", "/v1beta/models/claude-sonnet-4-5:streamGenerateContent", GEMINI),
            new Target("gemini countTokens", "/v1beta/models/claude-sonnet-4-5:countTokens", GEMINI));

    @BeforeAll
    static void start() {
        Logger.getLogger("").addHandler(collector);
        previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        upstream = FakeUpstream.start("fuzz");
        upstream.defaultBehaviour(Behaviour.reply(Reply.text("ok")));
        hub = TestHub.start(Map.of("hub.failover.delay.ms", "0", "hub.log.flush.ms", "250"));
        hub.createProvider("fuzz-claude", "claude", upstream.baseUrl());
        key = hub.userWithKey("fuzz-user");
    }

    @AfterAll
    static void stop() {
        hub.close();
        upstream.close();
        Logger.getLogger("").removeHandler(collector);
        Thread.setDefaultUncaughtExceptionHandler(previous);
    }

    @Test
    void noMutatedBodyGetsA5xxOrASevereLogRecord() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, String> failures = new ConcurrentHashMap<>();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < TARGETS.size(); t++) {
                Target target = TARGETS.get(t);
                for (int c = 0; c < CLIENTS; c++) {
                    long seed = SEED * 31 + t * 7L + c;
                    int count = PER_ENDPOINT / CLIENTS + (c < PER_ENDPOINT % CLIENTS ? 1 : 0);
                    work.add(pool.submit(() -> {
                        send(client, target, new BodyMutator(new Random(seed)), count, seed, failures, statuses);
                        return null;
                    }));
                }
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        int total = statuses.values().stream().mapToInt(AtomicInteger::get).sum();
        assertThat(total).isEqualTo(PER_ENDPOINT * TARGETS.size());
        assertThat(failures).as("5xx answers by endpoint and seed").isEmpty();
        assertThat(statuses.keySet()).as("some bodies still pass validation and some do not").contains(200, 400);
        assertThat(uncaught).isEmpty();
        assertThat(severe).extracting(r -> r.getLoggerName() + ": " + r.getMessage()).isEmpty();
    }

    private static void send(HttpClient client, Target target, BodyMutator mutator, int count, long seed,
                             Map<String, String> failures, Map<Integer, AtomicInteger> statuses) throws Exception {
        URI uri = URI.create(hub.baseUrl() + target.path());
        for (int i = 0; i < count; i++) {
            byte[] body = mutator.mutate(target.seed());
            HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("content-type", "application/json").header("x-api-key", key).header("x-goog-api-key", key)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<byte[]> r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
            statuses.computeIfAbsent(r.statusCode(), s -> new AtomicInteger()).incrementAndGet();
            if (r.statusCode() >= 500 && failures.size() < 20) {
                failures.put(target.name() + " seed " + seed + " #" + i + " -> " + r.statusCode(),
                        new String(body, java.nio.charset.StandardCharsets.UTF_8).substring(0, Math.min(300, body.length))
                                + " => " + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }
}
