package dev.cch.server;

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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.cch.server.HubCrashTest.count;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 under load while PostgreSQL is down, with the default flush interval (250 ms): the writer must have spilled
 * what it was given to the spool within that interval, so after a restart every request answered before the last
 * spill (and every one answered more than a second before the kill) is in the table exactly once. Once, the writer
 * waited five seconds on the pool per batch with the rows in memory, and a kill lost most of an outage's requests.
 */
class OutageCrashTest {
    static final long FLUSH_MS = 250;
    /** Between the hub answering a request and queueing its row: scheduling only. */
    static final long ANSWER_TO_QUEUE_MS = 100;

    @Test
    void aHubKilledDuringAnOutageLosesNoRowItSpilledAndNoneOlderThanASecond() throws Exception {
        Path dir = Files.createTempDirectory("cch-outage-crash-");
        int port = HubProcess.freePort();
        Process hub = null;
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try (PostgresServer pg = new PostgresServer(); FakeUpstream upstream = FakeUpstream.start("outage-crash")) {
            upstream.defaultBehaviour(Behaviour.ok());
            hub = HubProcess.start(port, dir, pg.url(), "hub.log.flush.ms=" + FLUSH_MS);
            Http http = new Http("http://127.0.0.1:" + port);
            String key = HubProcess.providerAndKey(http, upstream.baseUrl());
            Map<String, Object> body = HubProcess.MESSAGE;
            for (int i = 0; i < 5; i++) {   // the key is cached before the database goes
                assertThat(http.post("/v1/messages", body, "x-api-key", key, "anthropic-version", "2023-06-01").status())
                        .isEqualTo(200);
            }
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> count(pg, "SELECT count(*) FROM request_log") == 5);

            pg.stop();
            Map<String, Long> answered = new ConcurrentHashMap<>();   // request id -> when the answer arrived
            AtomicBoolean load = new AtomicBoolean(true);
            for (int t = 0; t < 4; t++) {
                clients.submit(() -> {
                    Http client = new Http("http://127.0.0.1:" + port);
                    while (load.get()) {
                        try {
                            Http.Answer a = client.post("/v1/messages", body, "x-api-key", key, "anthropic-version", "2023-06-01");
                            if (a.status() == 200) {
                                answered.put(a.header("x-cch-request-id"), System.currentTimeMillis());
                            }
                        } catch (RuntimeException killed) {
                            return;
                        }
                    }
                });
            }
            Path spool = dir.resolve("spool");
            long outageStart = System.currentTimeMillis();
            Awaitility.await("requests served and spilled for three seconds of outage").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> System.currentTimeMillis() - outageStart > 3_000 && answered.size() >= 50);
            long killedAt = System.currentTimeMillis();
            hub.destroyForcibly();
            hub.waitFor();
            load.set(false);
            clients.shutdown();
            long lastSpill = lastSpillMillis(spool);

            pg.start();
            hub = HubProcess.start(port, dir, pg.url(), "hub.log.flush.ms=" + FLUSH_MS);
            Awaitility.await("the spool replayed").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> HubCrashTest.spooledLines(spool) == 0);
            Set<String> logged = requestIds(pg);
            List<String> lostBeforeSpill = new ArrayList<>();
            List<String> lostBeforeLastSecond = new ArrayList<>();
            int lost = 0;
            for (var e : answered.entrySet()) {
                if (!logged.contains(e.getKey())) {
                    lost++;
                    if (e.getValue() < lastSpill - ANSWER_TO_QUEUE_MS) {
                        lostBeforeSpill.add(e.getKey());
                    }
                    if (e.getValue() < killedAt - 1_000) {
                        lostBeforeLastSecond.add(e.getKey());
                    }
                }
            }
            System.out.printf("outage crash: %d answered during the outage, %d logged, %d lost (all answered within "
                            + "%d ms of the kill; last spill %d ms before it)%n", answered.size(),
                    answered.size() - lost, lost, lost == 0 ? 0 : killedAt - answered.entrySet().stream()
                            .filter(e -> !logged.contains(e.getKey())).mapToLong(Map.Entry::getValue).min().orElse(killedAt),
                    killedAt - lastSpill);
            assertThat(lastSpill).as("the writer spilled during the outage").isPositive();
            assertThat(killedAt - lastSpill).as("ms from the last spill to the kill").isLessThan(1_000);
            assertThat(lostBeforeSpill).as("answered before the last spill but not logged").isEmpty();
            assertThat(lostBeforeLastSecond).as("answered over a second before the kill but not logged").isEmpty();
            assertThat(count(pg, "SELECT count(*) FROM request_log"))
                    .isEqualTo(count(pg, "SELECT count(DISTINCT request_id) FROM request_log"));
            assertThat(http.get("/health").json().path("status").asText()).isEqualTo("up");
        } finally {
            clients.shutdownNow();
            if (hub != null) {
                hub.destroyForcibly();
                hub.waitFor();
            }
            HubProcess.keepLog(dir, "outage-crash-test.log");
            TestHub.deleteTree(dir);
        }
    }

    /** When the last spool file was written: its name starts with the time ("rows-<millis>-…"); 0 if none. */
    static long lastSpillMillis(Path spool) throws Exception {
        if (!Files.isDirectory(spool)) {
            return 0;
        }
        try (var files = Files.list(spool)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsonl"))
                    .mapToLong(n -> Long.parseLong(n.split("-")[1])).max().orElse(0);
        }
    }

    static Set<String> requestIds(PostgresServer pg) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection c = DriverManager.getConnection(pg.url(), "postgres", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT request_id FROM request_log")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
