package dev.cch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.server.HubServer;
import dev.cch.server.config.HubConfig;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Fills a fresh database with N generated request-log rows (through the real insert trigger that keeps the hourly
 * rollup), starts a hub on it, and times every dashboard and log query through the admin API over HTTP.
 * Usage: {@code bin/bench stats [rows] [--keep]} (keep the filled database) or {@code bin/bench stats --reuse <db>}
 * (time the queries again on a database kept before); writes a markdown table to stdout and to
 * {@code bench/results/stats.md}.
 */
public final class StatsBench {
    private static final String PG = System.getProperty("cch.bench.pg", "127.0.0.1:5432");
    private static final String TOKEN = "bench-admin-token-0123456789";
    private static final String MASTER_KEY = java.util.Base64.getEncoder().encodeToString(
            "bench-master-key-32-bytes-long!!".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    private static final int USERS = 100;
    private static final int KEYS_PER_USER = 3;
    private static final int PROVIDERS = 12;
    private static final int CHUNK = 250_000;
    private static final int RUNS = 9;
    private static final String[] MODELS = {"claude-sonnet-4-5", "claude-opus-4-1", "claude-haiku-4-5", "gpt-5",
            "gpt-5-mini", "gpt-4.1", "o3", "gemini-2.5-pro", "gemini-2.5-flash", "claude-sonnet-4-5-20250929",
            "unpriced-model-x", "gpt-4o"};

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();
    private String base;

    public static void main(String[] args) throws Exception {
        long rows = 5_000_000L;
        boolean keep = false;
        String reuse = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--keep" -> keep = true;
                case "--reuse" -> reuse = args[++i];
                default -> rows = Long.parseLong(args[i].replace("_", ""));
            }
        }
        new StatsBench().run(rows, keep, reuse);
    }

    void run(long rows, boolean keep, String reuse) throws Exception {
        String db = reuse != null ? reuse : "cch_bench_" + (System.currentTimeMillis() / 1000);
        if (reuse == null) {
            admin("CREATE DATABASE " + db);
        }
        Path dataDir = Files.createTempDirectory("cch-bench-");
        HubServer hub = null;
        try {
            hub = HubServer.start(config(db, dataDir), Clock.systemUTC());
            base = hub.baseUrl();
            String url = "jdbc:postgresql://" + PG + "/" + db;
            long[] keyUsers;
            double insertSeconds = Double.NaN;
            if (reuse == null) {
                keyUsers = createTenants();
                long t0 = System.nanoTime();
                generate(url, rows, keyUsers);
                insertSeconds = (System.nanoTime() - t0) / 1e9;
            } else {
                keyUsers = keyUsers(url);
                rows = sizes(url).get("SELECT count(*) FROM request_log");
            }
            Map<String, Long> sizes = sizes(url);
            List<String[]> results = timeQueries(keyUsers);
            String report = report(rows, insertSeconds, sizes, results);
            System.out.println(report);
            Path out = Path.of("bench/results/stats.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
        } finally {
            if (hub != null) {
                hub.close();
            }
            if (keep || reuse != null) {
                System.err.println("database kept: " + db + " (time again with: bin/bench stats --reuse " + db
                        + "; drop with: psql -h 127.0.0.1 -U postgres -c 'DROP DATABASE " + db + "')");
            } else {
                admin("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            }
            try (var walk = Files.walk(dataDir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static HubConfig config(String db, Path dataDir) {
        Map<String, String> m = new HashMap<>();
        m.put("server.port", "0");
        m.put("server.host", "127.0.0.1");
        m.put("hub.data.dir", dataDir.toString());
        m.put("hub.database.url", "jdbc:postgresql://" + PG + "/" + db);
        m.put("hub.database.username", "postgres");
        m.put("hub.admin.token", TOKEN);
        m.put("hub.master.key", MASTER_KEY); // fixed, so a kept database can be reused

        m.put("hub.time.zone", "UTC");
        m.put("hub.stats.cache.ms", "0"); // time the queries, not the cache
        // the shipped application.yaml underneath, so the server runs with production settings (tcp-no-delay etc.)
        return HubConfig.from(Config.builder().disableEnvironmentVariablesSource().disableSystemPropertiesSource()
                .sources(ConfigSources.create(m), ConfigSources.classpath("application.yaml")).build());
    }

    /** Users, keys (three per user) and providers through the admin API; returns the user id of each key. */
    long[] createTenants() throws IOException, InterruptedException {
        List<Long> keyUsers = new ArrayList<>();
        for (int p = 0; p < PROVIDERS; p++) {
            post("/api/v1/providers", Map.of("name", "provider-" + p, "type", "claude",
                    "baseUrl", "http://127.0.0.1:9", "secret", "sk-bench-" + p + "-0123456789abcdef"));
        }
        for (int u = 0; u < USERS; u++) {
            long userId = post("/api/v1/users", Map.of("name", "user-" + u)).path("id").asLong();
            for (int k = 0; k < KEYS_PER_USER; k++) {
                post("/api/v1/keys", Map.of("userId", userId, "name", "key-" + u + "-" + k));
                keyUsers.add(userId);
            }
        }
        return keyUsers.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * Inserts rows in chunks, as the request-log writer does in batches, so the statement trigger builds the rollup.
     * Time spread: 0.1 % in the last five minutes (live sessions), 10 % earlier today, the rest over 30 days.
     */
    void generate(String url, long rows, long[] keyUsers) throws SQLException {
        StringJoiner users = new StringJoiner(",", "ARRAY[", "]::bigint[]");
        Arrays.stream(keyUsers).forEach(u -> users.add(Long.toString(u)));
        StringJoiner models = new StringJoiner(",", "ARRAY[", "]");
        Arrays.stream(MODELS).forEach(m -> models.add("'" + m + "'"));
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            for (long from = 1; from <= rows; from += CHUNK) {
                long to = Math.min(rows, from + CHUNK - 1);
                long t = System.nanoTime();
                s.execute(chunkSql(from, to, users.toString(), models.toString(), keyUsers.length));
                System.err.printf(Locale.ROOT, "rows %,d-%,d in %.1f s%n", from, to, (System.nanoTime() - t) / 1e9);
            }
            s.execute("ANALYZE");
        }
    }

    static String chunkSql(long from, long to, String keyUsers, String models, int keys) {
        return """
                INSERT INTO request_log (request_id, created_at, finished_at, user_id, key_id, provider_id, client_protocol,
                  provider_type, endpoint, model, billing_model, stream, status_code, error_kind, input_tokens, output_tokens,
                  cache_read_tokens, cache_write_5m_tokens, cache_write_1h_tokens, cost_usd, price_missing, ttfb_ms, ttft_ms,
                  duration_ms, session_id, attempts)
                SELECT 'bench_' || g, ts, ts + make_interval(secs => dur / 1000.0), (%s)[k + 1], k + 1, 1 + (g %% %d),
                  'anthropic', 'claude', 'messages', m, m, true, st, CASE WHEN st >= 500 THEN 'UPSTREAM_5XX' END,
                  inp, outp, cr, cw, 0, (inp * 0.000003 + outp * 0.000015 + cr * 0.0000003 + cw * 0.00000375)::numeric(24, 15),
                  m = 'unpriced-model-x', 300 + (g %% 900), 400 + (g %% 1200), dur, 'sess-' || (k * 10 + g %% 10), 1
                FROM (
                  SELECT g,
                    CASE WHEN r < 0.001 THEN now() - random() * interval '5 minutes'
                         WHEN r < 0.101 THEN date_trunc('day', now()) + random() * (now() - date_trunc('day', now()))
                         ELSE now() - random() * interval '30 days' END AS ts,
                    (g * 7919) %% %d AS k,
                    (%s)[1 + (g * 31) %% %d] AS m,
                    CASE WHEN g %% 50 = 0 THEN 503 WHEN g %% 97 = 0 THEN 400 ELSE 200 END AS st,
                    500 + (g * 13) %% 20000 AS inp, 50 + (g * 17) %% 3000 AS outp,
                    CASE WHEN g %% 3 = 0 THEN 0 ELSE (g * 29) %% 60000 END AS cr,
                    CASE WHEN g %% 11 = 0 THEN (g * 37) %% 8000 ELSE 0 END AS cw,
                    800 + (g * 41) %% 60000 AS dur
                  FROM (SELECT g, random() AS r FROM generate_series(CAST(%d AS bigint), CAST(%d AS bigint)) g) x
                ) y
                """.formatted(keyUsers, PROVIDERS, keys, models, MODELS.length, from, to);
    }

    static long[] keyUsers(String url) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT user_id FROM api_keys ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    static Map<String, Long> sizes(String url) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            for (String q : List.of("SELECT count(*) FROM request_log", "SELECT count(*) FROM usage_hourly",
                    "SELECT pg_total_relation_size('request_log')", "SELECT pg_total_relation_size('usage_hourly')")) {
                try (ResultSet rs = s.executeQuery(q)) {
                    rs.next();
                    out.put(q, rs.getLong(1));
                }
            }
        }
        return out;
    }

    List<String[]> timeQueries(long[] keyUsers) throws IOException, InterruptedException {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("overview (today vs yesterday, active sessions)", "/api/v1/stats/overview");
        for (String by : List.of("provider", "user", "key", "model")) {
            queries.put("series today, hourly, by " + by, "/api/v1/stats/series?range=today&by=" + by);
        }
        queries.put("series 7 days, daily, by model", "/api/v1/stats/series?range=7d&by=model");
        queries.put("series 30 days, daily, by user", "/api/v1/stats/series?range=30d&by=user");
        for (String period : List.of("today", "week", "month")) {
            for (String by : List.of("user", "key", "provider", "model")) {
                queries.put("leaderboard " + period + " by " + by, "/api/v1/stats/leaderboard?by=" + by + "&period=" + period);
            }
        }
        queries.put("log: newest page", "/api/v1/logs?limit=50");
        queries.put("log: one user", "/api/v1/logs?limit=50&userId=" + keyUsers[7]);
        queries.put("log: one key", "/api/v1/logs?limit=50&keyId=8");
        queries.put("log: one model", "/api/v1/logs?limit=50&model=gpt-5");
        queries.put("log: errors", "/api/v1/logs?limit=50&status=error");
        queries.put("log: one session", "/api/v1/logs?limit=50&sessionId=sess-75&keyId=8");
        queries.put("log: provider + last hour", "/api/v1/logs?limit=50&providerId=3&from="
                + java.time.Instant.now().minusSeconds(3600));
        queries.put("active sessions", "/api/v1/sessions");
        queries.put("models without price", "/api/v1/prices/missing");

        List<String[]> out = new ArrayList<>();
        for (var e : queries.entrySet()) {
            out.add(time(e.getKey(), e.getValue()));
        }
        // the 20th page of the newest log, following cursors (keyset pagination stays flat)
        String cursor = null;
        long deepest = 0;
        for (int i = 0; i < 20; i++) {
            long t = System.nanoTime();
            JsonNode page = get("/api/v1/logs?limit=50" + (cursor == null ? "" : "&cursor=" + cursor));
            deepest = System.nanoTime() - t;
            cursor = page.path("nextCursor").asText();
        }
        out.add(new String[] {"log: 20th page by cursor", ms(deepest), ms(deepest), ms(deepest)});
        return out;
    }

    String[] time(String name, String path) throws IOException, InterruptedException {
        long first = timed(path);
        long[] runs = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            runs[i] = timed(path);
        }
        Arrays.sort(runs);
        return new String[] {name, ms(first), ms(runs[RUNS / 2]), ms(runs[RUNS - 1])};
    }

    long timed(String path) throws IOException, InterruptedException {
        long t = System.nanoTime();
        get(path);
        return System.nanoTime() - t;
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    static String report(long rows, double insertSeconds, Map<String, Long> sizes, List<String[]> results) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "### Dashboard queries on %,d request-log rows%n%n", rows));
        sb.append(Double.isNaN(insertSeconds) ? "" : String.format(Locale.ROOT,
                "Generated and inserted (rollup trigger included) in %.0f s (%,.0f rows/s). ", insertSeconds,
                rows / insertSeconds));
        sb.append(String.format(Locale.ROOT, "request_log: %,d rows, %,d MB with indexes; usage_hourly: %,d rows, %,d MB.%n%n",
                sizes.get("SELECT count(*) FROM request_log"),
                sizes.get("SELECT pg_total_relation_size('request_log')") / (1024 * 1024),
                sizes.get("SELECT count(*) FROM usage_hourly"),
                sizes.get("SELECT pg_total_relation_size('usage_hourly')") / (1024 * 1024)));
        sb.append("Each query through the admin API over HTTP (127.0.0.1), milliseconds: first call, then median and max of ")
                .append(RUNS).append(" more. Overview cache off.\n\n");
        sb.append("| Query | first | median | max |\n|---|---:|---:|---:|\n");
        double worst = 0;
        for (String[] r : results) {
            sb.append("| ").append(String.join(" | ", r)).append(" |\n");
            worst = Math.max(worst, Double.parseDouble(r[2]));
        }
        sb.append(String.format(Locale.ROOT, "%nSlowest median: %.1f ms (goal: every dashboard query under 200 ms).%n", worst));
        return sb.toString();
    }

    JsonNode post(String path, Object body) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("authorization", "Bearer " + TOKEN).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return json.readTree(r.body());
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return json.readTree(r.body());
    }

    static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + PG + "/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
