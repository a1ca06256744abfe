package dev.cch.server.state;

import dev.cch.server.testing.RedisServer;
import dev.cch.server.testing.TestHub;
import dev.cch.testkit.FakeUpstream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hot-path cost in Redis, counted on a Redis of the test's own: admitting a request is one script call and
 * settling it one more, whatever limits, sessions and providers are involved; a flushed script cache is reloaded.
 */
class RedisRoundTripsTest {
    static RedisServer redis;
    static FakeUpstream upstream;
    static TestHub hub;
    static String key;
    static final String BODY = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":10,\"metadata\":{\"user_id\":"
            + "\"user_1_account__session_12345678-1234-1234-1234-123456789abc\"},\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @BeforeAll
    static void start() throws Exception {
        redis = new RedisServer();
        upstream = FakeUpstream.start("counted");
        hub = TestHub.start(Map.of("hub.redis.url", redis.url(), "hub.redis.prefix", "rt:"));
        hub.createProvider("counted", "claude", upstream.baseUrl(), p -> {
            p.put("limits", Map.of("usdDaily", 100, "concurrentSessions", 10));
            return p;
        });
        hub.createProvider("second", "claude", upstream.baseUrl(), p -> p);
        long user = hub.createUser(Map.of("name", "counted", "limits", Map.of("rpm", 1000, "usdDaily", 50,
                "usdWeekly", 100, "usdMonthly", 200, "usdTotal", 500, "concurrentSessions", 5)));
        key = hub.createKey(Map.of("userId", user, "name", "k", "limits", Map.of("rpm", 100, "usd5h", 10)));
        assertThat(hub.proxy().post("/v1/messages", BODY, "x-api-key", key).status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() throws Exception {
        hub.close();
        upstream.close();
        redis.close();
    }

    /** Calls per command since the last reset, leaving out the commands the test itself sends. */
    static Map<String, Long> commands() throws Exception {
        Map<String, Long> out = new TreeMap<>();
        Matcher m = Pattern.compile("cmdstat_([a-z|]+):calls=(\\d+)").matcher(redis.cli("INFO", "commandstats"));
        while (m.find()) {
            if (!m.group(1).equals("info") && !m.group(1).startsWith("config")) {
                out.put(m.group(1), Long.parseLong(m.group(2)));
            }
        }
        return out;
    }

    @Test
    void aRequestCostsOneRoundTripToAdmitAndOneToSettle() throws Exception {
        for (boolean stream : new boolean[] {false, true}) {
            try (Monitor monitor = new Monitor(redis.port())) {
                redis.cli("CONFIG", "RESETSTAT");
                HttpResponse<InputStream> r = hub.proxy().stream("/v1/messages",
                        stream ? BODY.replace("{\"model\"", "{\"stream\":true,\"model\"") : BODY, "x-api-key", key);
                r.body().readAllBytes();
                assertThat(r.statusCode()).isEqualTo(200);
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> commands().getOrDefault("evalsha", 0L) >= 2);
                // MONITOR marks what scripts run inside Redis as [.. lua]; everything else came over the network
                assertThat(monitor.clientCommands()).as("stream=" + stream).containsExactly("evalsha", "evalsha");
                assertThat(commands().keySet()).as("and the scripts did the checking").contains("zadd", "incrby", "zremrangebyscore");
            }
        }
    }

    /** redis-cli MONITOR in the background. */
    static final class Monitor implements AutoCloseable {
        private final Process process;
        private final StringBuffer out = new StringBuffer();

        Monitor(int port) throws Exception {
            process = new ProcessBuilder("redis-cli", "-p", String.valueOf(port), "MONITOR").redirectErrorStream(true).start();
            Thread.ofVirtual().start(() -> {
                try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream()))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        out.append(line).append('\n');
                    }
                } catch (java.io.IOException e) {
                    // closed
                }
            });
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> out.toString().contains("OK"));
        }

        java.util.List<String> clientCommands() {
            java.util.List<String> cmds = new java.util.ArrayList<>();
            Matcher m = Pattern.compile("\\[\\d+ ([^\\]]+)\\] \"([a-zA-Z]+)\"").matcher(out.toString());
            while (m.find()) {
                String cmd = m.group(2).toLowerCase();
                // the health probe's ping (four a second) and clock check (once a minute) are not per request
                if (!m.group(1).equals("lua") && !List.of("info", "config", "ping", "time").contains(cmd)) {
                    cmds.add(cmd);
                }
            }
            return cmds;
        }

        @Override
        public void close() {
            process.destroy();
        }
    }

    @Test
    void aFlushedScriptCacheIsReloadedWithoutAFailedRequest() throws Exception {
        redis.cli("SCRIPT", "FLUSH");
        assertThat(hub.proxy().post("/v1/messages", BODY, "x-api-key", key).status()).isEqualTo(200);
        assertThat(hub.server().parts().state().available()).isTrue();
        assertThat(redis.cli("SCRIPT", "EXISTS", "0000000000000000000000000000000000000000")).contains("0");
        assertThat(((RedisStateStore) hub.server().parts().state()).failOpens()).isZero();
    }

    @Test
    void everyKeyCarriesOneHashTagSoScriptsRunOnRedisCluster() throws Exception {
        String keys = redis.cli("--scan", "--pattern", "*");
        assertThat(keys.lines().filter(l -> !l.isBlank()).toList()).isNotEmpty().allMatch(k -> k.startsWith("rt:{hub}:"));
    }
}
