package dev.cch.server;

import dev.cch.server.testing.Http;
import dev.cch.server.testing.HubProcess;
import dev.cch.server.testing.PostgresServer;
import dev.cch.server.testing.TestHub;
import dev.cch.testkit.Behaviour;
import dev.cch.testkit.FakeUpstream;
import dev.cch.testkit.Reply;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hub process killed (SIGKILL) mid-stream while PostgreSQL is down: the streaming client gets a clean end of
 * connection (no hang), and the restarted hub replays the rows spooled before the crash, skipping a torn line,
 * so the table holds exactly the requests that were served.
 */
class HubCrashTest {

    @Test
    void aKilledHubLosesNoFinishedRequestAndRestartsCleanly() throws Exception {
        Path dir = Files.createTempDirectory("cch-crash-");
        int port = HubProcess.freePort();
        Process hub = null;
        try (PostgresServer pg = new PostgresServer(); FakeUpstream upstream = FakeUpstream.start("crash")) {
            hub = HubProcess.start(port, dir, pg.url());
            Http http = new Http("http://127.0.0.1:" + port);
            String key = HubProcess.providerAndKey(http, upstream.baseUrl());
            Map<String, Object> body = HubProcess.MESSAGE;
            for (int i = 0; i < 5; i++) {
                assertThat(http.post("/v1/messages", body, "x-api-key", key, "anthropic-version", "2023-06-01").status())
                        .isEqualTo(200);
            }
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> count(pg, "SELECT count(*) FROM request_log") == 5);

            pg.stop();
            for (int i = 0; i < 10; i++) {
                assertThat(http.post("/v1/messages", body, "x-api-key", key, "anthropic-version", "2023-06-01").status())
                        .isEqualTo(200);
            }
            Path spool = dir.resolve("spool");
            Awaitility.await("ten rows spooled").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> spooledLines(spool) >= 10);

            // a long stream, dripping; kill the hub once its first content has reached the client
            List<Reply.Block> words = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                words.add(new Reply.Text("word" + i + " "));
            }
            upstream.enqueue(Behaviour.reply(new Reply(words, "end_turn", 10, 200, 0, 0)).withEventInterval(Duration.ofMillis(50)));
            HttpResponse<InputStream> stream = http.stream("/v1/messages", Map.of("model", "claude-sonnet-4-5",
                    "max_tokens", 300, "stream", true, "messages", List.of(Map.of("role", "user", "content", "go"))),
                    "x-api-key", key, "anthropic-version", "2023-06-01");
            assertThat(stream.statusCode()).isEqualTo(200);
            InputStream in = stream.body();
            byte[] first = in.readNBytes(200);
            assertThat(new String(first, StandardCharsets.UTF_8)).contains("event: message_start");
            hub.destroyForcibly();
            hub.waitFor();
            String rest;
            try {
                rest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                rest = ""; // the connection was cut: also a clean end for the client
            }
            assertThat(rest).doesNotContain("message_stop"); // the client can tell the answer is incomplete

            // a crash while spooling may leave a torn last line: append one
            try (var files = Files.list(spool)) {
                Path f = files.filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow();
                Files.writeString(f, "{\"requestId\":\"req_torn", StandardOpenOption.APPEND);
            }

            pg.start();
            hub = HubProcess.start(port, dir, pg.url());
            Awaitility.await("the spooled rows replayed").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> count(pg, "SELECT count(*) FROM request_log") >= 15 && spooledLines(spool) == 0);
            assertThat(count(pg, "SELECT count(*) FROM request_log")).isEqualTo(15);
            assertThat(count(pg, "SELECT count(DISTINCT request_id) FROM request_log")).isEqualTo(15);
            assertThat(http.get("/health").json().path("status").asText()).isEqualTo("up");
            assertThat(http.post("/v1/messages", body, "x-api-key", key, "anthropic-version", "2023-06-01").status())
                    .isEqualTo(200);
        } finally {
            if (hub != null) {
                hub.destroyForcibly();
                hub.waitFor();
            }
            HubProcess.keepLog(dir, "hub-crash-test.log");
            TestHub.deleteTree(dir);
        }
    }

    static long spooledLines(Path spool) {
        try (var files = Files.list(spool)) {
            long n = 0;
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                n += Files.readAllLines(f).stream().filter(l -> l.endsWith("}")).count();
            }
            return n;
        } catch (IOException e) {
            return 0;
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
}
