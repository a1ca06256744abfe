package dev.cch.server.requestlog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.server.HubServer;
import dev.cch.server.testing.Http;
import dev.cch.server.testing.HubProcess;
import dev.cch.server.testing.PostgresServer;
import dev.cch.server.testing.TestHub;
import dev.cch.testkit.Behaviour;
import dev.cch.testkit.FakeUpstream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stopped and started again under load: requests keep being served from the hub's caches, their log
 * rows are spooled to disk while the database is away and replayed after, and the table ends up holding exactly
 * one row per request served: none lost, none twice, and the rollup agrees.
 */
class DatabaseOutageTest {

    @Test
    void everyRequestServedDuringAnOutageIsLoggedExactlyOnceAfterIt() throws Exception {
        Path dir = Files.createTempDirectory("cch-outage-");
        try (PostgresServer pg = new PostgresServer(); FakeUpstream upstream = FakeUpstream.start("outage")) {
            upstream.defaultBehaviour(Behaviour.ok());
            var config = TestHub.config(null, dir, Map.of("hub.database.url", pg.url(), "hub.log.flush.ms", "20"));
            try (HubServer hub = HubServer.start(config)) {
                Http client = new Http(hub.baseUrl());
                String key = HubProcess.providerAndKey(client, upstream.baseUrl());
                Map<String, Object> body = HubProcess.MESSAGE;
                AtomicInteger served = new AtomicInteger();
                AtomicInteger failed = new AtomicInteger();
                Runnable burst = () -> {
                    Http.Answer a = client.post("/v1/messages", body, "x-api-key", key, "anthropic-version", "2023-06-01");
                    (a.status() == 200 ? served : failed).incrementAndGet();
                };
                ExecutorService pool = Executors.newFixedThreadPool(4);
                try {
                    run(pool, burst, 20);   // database up
                    pg.stop();
                    run(pool, burst, 60);   // database down: served from caches, rows spooled
                    Awaitility.await("the hub reports the database down").atMost(Duration.ofSeconds(20))
                            .until(() -> client.get("/health").json().path("checks").path("database").asText().equals("down"));
                    assertThat(client.get("/health").json().path("status").asText()).isEqualTo("degraded");
                    assertThat(hub.parts().requestLog().spooledRows()).isPositive();
                    pg.start();
                    run(pool, burst, 20);   // back up
                } finally {
                    pool.shutdown();
                }
                assertThat(failed.get()).isZero();
                assertThat(served.get()).isEqualTo(100);

                Awaitility.await("every served request in the table").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> count(pg, "SELECT count(*) FROM request_log") >= 100);
                assertThat(count(pg, "SELECT count(*) FROM request_log")).isEqualTo(100);
                assertThat(count(pg, "SELECT count(DISTINCT request_id) FROM request_log")).isEqualTo(100);
                assertThat(count(pg, "SELECT sum(requests) FROM usage_hourly WHERE dim = 'key'")).isEqualTo(100);
                Awaitility.await("the spool drained").atMost(Duration.ofSeconds(20))
                        .until(() -> !hasSpoolFiles(dir.resolve("spool")));
                JsonNode health = client.get("/health").json();
                assertThat(health.path("status").asText()).isEqualTo("up");
            }
        } finally {
            TestHub.deleteTree(dir);
        }
    }

    static void run(ExecutorService pool, Runnable r, int n) throws Exception {
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            fs.add(pool.submit(r));
        }
        for (Future<?> f : fs) {
            f.get();
        }
    }

    static long count(PostgresServer pg, String sql) {
        try (Connection c = DriverManager.getConnection(pg.url(), "postgres", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            return -1;
        }
    }

    static boolean hasSpoolFiles(Path spool) {
        try (var s = Files.list(spool)) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(".jsonl"));
        } catch (Exception e) {
            return false;
        }
    }
}
