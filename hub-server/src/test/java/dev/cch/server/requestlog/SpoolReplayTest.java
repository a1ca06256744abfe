package dev.cch.server.requestlog;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cch.server.json.Json;
import dev.cch.server.testing.Http;
import dev.cch.server.testing.TestDatabase;
import dev.cch.server.testing.TestHub;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A spool left by an earlier run whose first file holds a row PostgreSQL refuses (a cost beyond numeric(24, 15)):
 * the hub replays every good row of every file, sets the bad row aside in the quarantine, and says so in /health
 * and /metrics. Once, replay stopped at the first failing file, so nothing after it ever reached the books.
 */
class SpoolReplayTest {

    @Test
    void aRefusedRowInTheFirstSpoolFileIsQuarantinedAndEveryGoodRowIsReplayed() throws Exception {
        Path dir = Files.createTempDirectory("cch-replay-");
        Spool spool = new Spool(dir.resolve("spool"), Json.newMapper());
        spool.append(List.of(row("req_good_1", "1"), row("req_bad", "10000000000"), row("req_good_2", "1")));
        spool.append(List.of(row("req_good_3", "1"), row("req_good_4", "2")));
        spool.append(List.of(row("req_good_5", "1")));
        // rows say who called what: only the hub's own user may read them
        assertThat(Files.getPosixFilePermissions(dir.resolve("spool"))).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        for (Path f : jsonl(dir.resolve("spool"))) {
            assertThat(Files.getPosixFilePermissions(f)).as(f.toString()).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }

        try (TestDatabase db = TestDatabase.create();
             TestHub hub = TestHub.start(db, false, Map.of("hub.data.dir", dir.toString()), Clock.systemUTC())) {
            Awaitility.await("the spool replayed").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                    .until(() -> jsonl(dir.resolve("spool")).isEmpty());
            assertThat(db.number("SELECT count(*) FROM request_log")).isEqualTo(5);
            assertThat(db.number("SELECT count(*) FROM request_log WHERE request_id = 'req_bad'")).isZero();
            assertThat(db.number("SELECT sum(cost_usd) FROM request_log")).isEqualTo(6);

            List<Path> quarantined = jsonl(dir.resolve("quarantine"));
            assertThat(quarantined).singleElement().satisfies(f -> {
                assertThat(f.getFileName().toString()).endsWith("-22003.jsonl");
                assertThat(Files.readString(f)).contains("\"requestId\":\"req_bad\"").contains("10000000000");
            });
            Http http = new Http(hub.baseUrl());
            Http.Answer health = http.get("/health");
            assertThat(health.json().path("checks").path("logQuarantine").asText()).startsWith("1 rows refused");
            assertThat(health.json().path("checks").path("logSpool").asText()).isEqualTo("empty");
            assertThat(health.json().path("status").asText()).isEqualTo("up");
            assertThat(http.get("/metrics", "authorization", "Bearer " + TestHub.ADMIN_TOKEN).body())
                    .contains("cch_log_quarantined_rows_total 1.0").contains("cch_log_spool_backlog_rows 0.0");

            // as the README says: mend the row, move its file into the spool, and it is replayed
            Path mended = quarantined.getFirst();
            Files.writeString(mended, Files.readString(mended).replace("10000000000", "3"));
            Files.move(mended, dir.resolve("spool").resolve(mended.getFileName()));
            Awaitility.await("the mended row replayed").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                    .until(() -> db.number("SELECT count(*) FROM request_log WHERE request_id = 'req_bad'") == 1);
            assertThat(db.number("SELECT sum(cost_usd) FROM request_log")).isEqualTo(9);
            Awaitility.await("the spool empty again").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                    .until(() -> jsonl(dir.resolve("spool")).isEmpty());
            assertThat(http.get("/health").json().path("checks").path("logQuarantine").asText()).isEqualTo("empty");
        } finally {
            TestHub.deleteTree(dir);
        }
    }

    static RequestLogRow row(String id, String cost) {
        Instant t = Instant.now();
        return new RequestLogRow(id, t, t, null, null, null, "anthropic", null, "messages", "claude-sonnet-4-5",
                null, null, "claude-sonnet-4-5", false, 200, null, null, null, 1, 1, 0, 0, 0, 0, new BigDecimal(cost),
                null, false, BigDecimal.ONE, BigDecimal.ONE, 1, 1, 1, null, 1, JsonNodeFactory.instance.arrayNode(),
                "127.0.0.1", "test");
    }

    static List<Path> jsonl(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".jsonl")).toList();
        }
    }
}
