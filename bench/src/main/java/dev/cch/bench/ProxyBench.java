package dev.cch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the hub adds to a request, measured against the upstream alone and against a bare Helidon relay
 * ({@link BareRelay}, the framework floor), with the hub as its own process and every feature on: key auth, limits in
 * Redis, session stickiness, request log in PostgreSQL, metrics. The three targets get the same requests in alternating
 * rounds. Everything runs on 127.0.0.1 and is started and stopped here. Writes {@code bench/results/proxy.md}.
 * Usage: {@code bin/bench proxy [--seconds 10] [--rounds 3] [--only abcd] [--hub-opts "<jvm flags>"] [--jfr <file>]
 * [--out <file>]}.
 */
public final class ProxyBench {
    static final String TOKEN = "proxy-bench-admin-token-0123456789";
    static final List<String> TARGETS = List.of("direct", "relay", "hub");

    private final Map<String, String> opts;
    private final int seconds;
    private final int rounds;
    private final String only;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Report report;
    private BenchProcesses procs;
    private String key;

    ProxyBench(Map<String, String> opts) {
        this.opts = opts;
        this.seconds = Integer.parseInt(opts.getOrDefault("seconds", "10"));
        this.rounds = Integer.parseInt(opts.getOrDefault("rounds", "3"));
        this.only = opts.getOrDefault("only", "abcd");
        this.report = new Report(seconds, rounds);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unknown argument " + args[i]);
            }
            opts.put(args[i].substring(2), i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true");
        }
        new ProxyBench(opts).run(String.join(" ", args));
    }

    void run(String argLine) throws Exception {
        long stamp = System.currentTimeMillis() / 1000;
        String db = "cch_proxy_" + stamp;
        StatsBench.admin("CREATE DATABASE " + db);
        Path dir = Files.createTempDirectory("cch-proxy-");
        List<String> hubFlags = opts.containsKey("hub-opts") ? Arrays.asList(opts.get("hub-opts").trim().split("\\s+"))
                : SoakBench.jvmOptions();
        try (BenchProcesses p = new BenchProcesses(dir)) {
            procs = p;
            ports.put("direct", p.upstream());
            ports.put("relay", p.relay(ports.get("direct"), SoakBench.jvmOptions()));
            List<String> flags = new ArrayList<>(hubFlags);
            if (opts.containsKey("jfr")) {
                flags.add("-XX:StartFlightRecording=filename=" + Path.of(opts.get("jfr")).toAbsolutePath() + ",settings=profile");
            }
            byte[] master = new byte[32];
            ThreadLocalRandom.current().nextBytes(master);
            ports.put("hub", p.hub(flags, List.of("-Dhub.data.dir=" + dir.resolve("hub-data"),
                    "-Dhub.database.url=jdbc:postgresql://127.0.0.1:5432/" + db, "-Dhub.redis.url=redis://127.0.0.1:6379/0",
                    "-Dhub.redis.prefix=cch_proxy_" + stamp + ":", "-Dhub.admin.token=" + TOKEN,
                    "-Dhub.master.key=" + Base64.getEncoder().encodeToString(master))));
            setUpHub();
            Scenarios s = new Scenarios(dir, key, ports, p, seconds, rounds, report);
            s.warmUp();
            if (only.contains("a")) {
                s.smallAtConcurrency1();
            }
            if (only.contains("b")) {
                s.concurrency64();
            }
            if (only.contains("c")) {
                s.streaming();
            }
            if (only.contains("d")) {
                s.largeBody();
            }
            report.hubFlags(hubFlags);
        } finally {
            StatsBench.admin("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            new ProcessBuilder("sh", "-c", "redis-cli -h 127.0.0.1 --scan --pattern 'cch_proxy_" + stamp
                    + ":*' | xargs -r redis-cli -h 127.0.0.1 DEL >/dev/null").inheritIO().start().waitFor();
        }
        String md = report.markdown("bin/bench proxy" + (argLine.isEmpty() ? "" : " " + argLine), Instant.now());
        System.out.println(md);
        Path out = Path.of(opts.getOrDefault("out", "bench/results/proxy.md"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md + Report.keptNotes(out));
    }

    /** One provider in front of the fast upstream, a user with limits far out of reach, and their key. */
    void setUpHub() throws IOException, InterruptedException {
        String base = "http://127.0.0.1:" + ports.get("hub");
        post(base, "/api/v1/providers", Map.of("name", "fast", "type", "claude",
                "baseUrl", "http://127.0.0.1:" + ports.get("direct"), "secret", "sk-bench-fast-0123456789abcdef"));
        long id = post(base, "/api/v1/users", Map.of("name", "bench", "limits",
                Map.of("rpm", 1_000_000, "usdDaily", 1_000_000, "concurrentSessions", 100_000))).path("id").asLong();
        key = post(base, "/api/v1/keys", Map.of("userId", id, "name", "bench")).path("secret").asText();
    }

    private com.fasterxml.jackson.databind.JsonNode post(String base, String path, Object body) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("authorization", "Bearer " + TOKEN).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 201) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return json.readTree(r.body());
    }
}
