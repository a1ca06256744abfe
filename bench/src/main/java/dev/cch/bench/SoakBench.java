package dev.cch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.testkit.Behaviour;
import dev.cch.testkit.FakeUpstream;
import dev.cch.testkit.Reply;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bounded soak: the hub as its own process (the JVM flags of bin/jvm.options), PostgreSQL and Redis, two fake
 * providers that fail at random (503s, resets mid-stream, hangs before headers), and a mix of streaming and
 * non-streaming requests in two protocols from 16 concurrent clients for N minutes. Samples the hub's memory every
 * 10 s and checks the books at the end: every request the hub answered is one request-log row, and the rollups agree.
 * Usage: {@code bin/bench soak [minutes]}; writes {@code bench/results/soak.md}.
 */
public final class SoakBench {
    private static final String PG = System.getProperty("cch.bench.pg", "127.0.0.1:5432");
    private static final String TOKEN = "soak-admin-token-0123456789";
    private static final int CLIENTS = 16;
    private static final int USERS = 20;
    private static final Pattern SERIES = Pattern.compile("^(\\w+)(\\{[^}]*})? ([0-9.eE+-]+)$", Pattern.MULTILINE);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final LongAdder sent = new LongAdder();
    private String base;

    /** One memory sample of the hub process. */
    record Sample(long seconds, long rssMb, long heapMb, long requests, long logQueue) {
    }

    public static void main(String[] args) throws Exception {
        double minutes = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        new SoakBench().run(Duration.ofSeconds((long) (minutes * 60)));
    }

    void run(Duration length) throws Exception {
        long stamp = System.currentTimeMillis() / 1000;
        String db = "cch_soak_" + stamp;
        String prefix = "cch_soak_" + stamp + ":";
        StatsBench.admin("CREATE DATABASE " + db);
        Path dataDir = Files.createTempDirectory("cch-soak-");
        Process hub = null;
        try (FakeUpstream steady = FakeUpstream.start("soak-steady"); FakeUpstream flaky = FakeUpstream.start("soak-flaky")) {
            steady.defaultBehaviour(() -> ThreadLocalRandom.current().nextInt(100) < 5
                    ? Behaviour.reply(words(40)).withEventInterval(Duration.ofMillis(20)) : Behaviour.reply(words(20)));
            flaky.defaultBehaviour(SoakBench::flakyBehaviour);
            int port = freePort();
            hub = startHub(port, dataDir, db, prefix);
            base = "http://127.0.0.1:" + port;
            List<String> keys = setUp(steady, flaky);

            List<Sample> samples = new ArrayList<>();
            long start = System.nanoTime();
            long deadline = start + length.toNanos();
            ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
            for (int i = 0; i < CLIENTS; i++) {
                int client = i;
                clients.submit(() -> load(client, keys, deadline));
            }
            long pid = hub.pid();
            while (System.nanoTime() < deadline) {
                samples.add(sample(pid, (System.nanoTime() - start) / 1_000_000_000L));
                Thread.sleep(Math.min(10_000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            }
            clients.shutdown();
            clients.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES);
            samples.add(sample(pid, (System.nanoTime() - start) / 1_000_000_000L));

            long answered = metric(scrape(), "cch_requests_total");
            String url = "jdbc:postgresql://" + PG + "/" + db;
            long rows = waitForRows(url, answered);
            long rollup = countOrZero(url, "SELECT coalesce(sum(requests), 0) FROM usage_hourly WHERE dim = 'provider'");
            long daily = countOrZero(url, "SELECT coalesce(sum(requests), 0) FROM usage_daily WHERE dim = 'key'");
            long sessions = countOrZero(url, "SELECT coalesce(sum(requests), 0) FROM session_usage");
            String report = report(length, samples, answered, rows, rollup, daily, sessions);
            System.out.println(report);
            Path out = Path.of("bench/results/soak.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
        } finally {
            if (hub != null) {
                hub.destroy();
                hub.waitFor();
            }
            StatsBench.admin("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            new ProcessBuilder("sh", "-c", "redis-cli -h 127.0.0.1 --scan --pattern '" + prefix + "*' | xargs -r redis-cli -h 127.0.0.1 DEL")
                    .inheritIO().start().waitFor();
            try (var walk = Files.walk(dataDir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static Behaviour flakyBehaviour() {
        int roll = ThreadLocalRandom.current().nextInt(100);
        if (roll < 10) {
            return Behaviour.status(503);
        }
        if (roll < 13) {
            return Behaviour.resetAfter(4).withReply(words(20));
        }
        if (roll < 15) {
            return Behaviour.hang();
        }
        if (roll < 17) {
            return Behaviour.fault(Behaviour.Fault.MALFORMED_SSE);
        }
        return Behaviour.reply(words(20));
    }

    static Reply words(int n) {
        List<Reply.Block> blocks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            blocks.add(new Reply.Text("word" + i + " "));
        }
        return new Reply(blocks, "end_turn", 400 + n, n, 1000, 0);
    }

    Process startHub(int port, Path dataDir, String db, String prefix) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String line : Files.readAllLines(Path.of("bin/jvm.options"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                cmd.add(line.trim());
            }
        }
        byte[] key = new byte[32];
        ThreadLocalRandom.current().nextBytes(key);
        cmd.addAll(List.of("-cp", "bench/target/libs/*", "-Dserver.port=" + port, "-Dserver.host=127.0.0.1",
                "-Dhub.data.dir=" + dataDir, "-Dhub.database.url=jdbc:postgresql://" + PG + "/" + db,
                "-Dhub.redis.url=redis://127.0.0.1:6379/0", "-Dhub.redis.prefix=" + prefix, "-Dhub.admin.token=" + TOKEN,
                "-Dhub.master.key=" + Base64.getEncoder().encodeToString(key), "-Dhub.failover.delay.ms=0",
                "dev.cch.server.Main"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("hub.log").toFile())).start();
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < until) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return p;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the hub did not start; see " + dataDir.resolve("hub.log"));
    }

    /** Two providers in one tier, a user with a key each (limits set but out of reach); returns the keys. */
    List<String> setUp(FakeUpstream steady, FakeUpstream flaky) throws Exception {
        post("/api/v1/providers", Map.of("name", "steady", "type", "claude", "baseUrl", steady.baseUrl(),
                "secret", "sk-soak-steady-0123456789abcdef"));
        post("/api/v1/providers", Map.of("name", "flaky", "type", "openai-compatible", "baseUrl", flaky.baseUrl(),
                "secret", "sk-soak-flaky-0123456789abcdef", "breaker", Map.of("failureThreshold", 0),
                "timeouts", Map.of("firstByteMs", 1000, "streamingIdleMs", 2000)));
        List<String> keys = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            long id = post("/api/v1/users", Map.of("name", "soak-" + u,
                    "limits", Map.of("rpm", 100_000, "usdDaily", 10_000))).path("id").asLong();
            keys.add(post("/api/v1/keys", Map.of("userId", id, "name", "soak-" + u)).path("secret").asText());
        }
        return keys;
    }

    void load(int client, List<String> keys, long deadline) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        int turn = 0;
        while (System.nanoTime() < deadline) {
            String key = keys.get(rnd.nextInt(keys.size()));
            boolean stream = rnd.nextBoolean();
            boolean anthropic = rnd.nextInt(10) < 7;
            String session = "soak-" + client + "-" + (turn++ / 20);
            String body = anthropic
                    ? "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"stream\":" + stream
                    + ",\"metadata\":{\"user_id\":\"user_x_account__session_" + java.util.UUID.nameUUIDFromBytes(session.getBytes())
                    + "\"},\"messages\":[{\"role\":\"user\",\"content\":\"soak " + turn + "\"}]}"
                    : "{\"model\":\"gpt-5\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\"soak "
                    + session + "\"}]}";
            HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(base + (anthropic ? "/v1/messages" : "/v1/chat/completions")))
                    .timeout(Duration.ofSeconds(60)).header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            rb = anthropic ? rb.header("x-api-key", key).header("anthropic-version", "2023-06-01")
                    : rb.header("authorization", "Bearer " + key);
            sent.increment();
            try {
                HttpResponse<InputStream> r = http.send(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
                String text = new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
                String outcome = r.statusCode() != 200 ? "HTTP " + r.statusCode()
                        : !stream ? "200 complete"
                        : text.contains("message_stop") || text.contains("[DONE]") ? "200 stream complete"
                        : "200 stream ended by an upstream fault after content";
                outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
            } catch (IOException e) {
                outcomes.computeIfAbsent("client exception: " + e.getClass().getSimpleName(), k -> new LongAdder()).increment();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    Sample sample(long pid, long seconds) throws Exception {
        long rssKb = 0;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                rssKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        String m = scrape();
        long heap = 0;
        Matcher x = SERIES.matcher(m);
        while (x.find()) {
            if (x.group(1).equals("jvm_memory_used_bytes") && x.group(2) != null && x.group(2).contains("area=\"heap\"")) {
                heap += (long) Double.parseDouble(x.group(3));
            }
        }
        return new Sample(seconds, rssKb / 1024, heap / (1024 * 1024), metric(m, "cch_requests_total"),
                metric(m, "cch_log_queue_depth"));
    }

    /** The sum of every series of a metric. */
    static long metric(String text, String name) {
        double sum = 0;
        Matcher x = SERIES.matcher(text);
        while (x.find()) {
            if (x.group(1).equals(name)) {
                sum += Double.parseDouble(x.group(3));
            }
        }
        return Math.round(sum);
    }

    String scrape() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    long waitForRows(String url, long expected) throws InterruptedException, SQLException {
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        long rows = -1;
        while (System.nanoTime() < until) {
            rows = countOrZero(url, "SELECT count(*) FROM request_log");
            if (rows >= expected) {
                Thread.sleep(2000); // and nothing more arrives
                return countOrZero(url, "SELECT count(*) FROM request_log");
            }
            Thread.sleep(500);
        }
        return rows;
    }

    String report(Duration length, List<Sample> samples, long answered, long rows, long rollup, long daily, long sessions) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "### Soak: %d minutes, %d clients, mixed traffic with upstream faults%n%n",
                length.toMinutes(), CLIENTS));
        sb.append("Hub process flags: `").append(String.join(" ", jvmOptions())).append("`. Providers: `steady` (Anthropic, ")
                .append("5 % slow streams) and `flaky` (OpenAI-compatible behind conversion: 10 % 503, 3 % reset mid-stream, ")
                .append("2 % hang before headers with a 1 s first-byte timeout, 2 % malformed SSE) in one tier; limits in Redis, ")
                .append("log in PostgreSQL. 70 % Anthropic Messages, 30 % OpenAI Chat; half of each streamed.\n\n");
        sb.append("| t (s) | hub RSS (MB) | heap used (MB) | requests answered | log queue |\n|---:|---:|---:|---:|---:|\n");
        for (Sample s : samples) {
            sb.append(String.format(Locale.ROOT, "| %d | %d | %d | %,d | %d |%n", s.seconds(), s.rssMb(), s.heapMb(),
                    s.requests(), s.logQueue()));
        }
        sb.append("\nClient outcomes:\n\n| outcome | count |\n|---|---:|\n");
        outcomes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append("| ").append(e.getKey()).append(" | ").append(String.format(Locale.ROOT, "%,d", e.getValue().sum())).append(" |\n"));
        int third = Math.max(1, samples.size() / 3);
        long firstMax = samples.subList(0, third).stream().mapToLong(Sample::rssMb).max().orElse(0);
        long lastMax = samples.subList(samples.size() - third, samples.size()).stream().mapToLong(Sample::rssMb).max().orElse(0);
        sb.append(String.format(Locale.ROOT, "%nBooks: requests sent %,d; answered by the hub %,d; request_log rows %,d; "
                        + "hourly rollup %,d; daily rollup %,d; session totals %,d (sessionless requests excluded). %s%n",
                sent.sum(), answered, rows, rollup, daily, sessions,
                rows == answered && rollup == rows && daily == rows ? "**No row lost or counted twice.**" : "**MISMATCH.**"));
        sb.append(String.format(Locale.ROOT, "Memory: highest RSS in the first third %d MB, in the last third %d MB (%s).%n",
                firstMax, lastMax, lastMax <= firstMax * 1.10 ? "no growth trend" : "GROWING"));
        return sb.toString();
    }

    static List<String> jvmOptions() {
        try {
            return Files.readAllLines(Path.of("bin/jvm.options")).stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(String::trim).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    com.fasterxml.jackson.databind.JsonNode post(String path, Object body) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("authorization", "Bearer " + TOKEN).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return json.readTree(r.body());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static long countOrZero(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return 0;
        }
    }
}
