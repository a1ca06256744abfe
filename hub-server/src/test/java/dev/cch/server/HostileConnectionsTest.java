package dev.cch.server;

import dev.cch.server.testing.HubProcess;
import dev.cch.server.testing.Http;
import dev.cch.server.testing.RawConnection;
import dev.cch.server.testing.TestDatabase;
import dev.cch.server.testing.TestHub;
import dev.cch.testkit.FakeUpstream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hub process with a small heap (256 MB) under 200 hostile connections at once, 100 that declare a 32 MiB body
 * without a key and send a few bytes of it, and 100 that trickle header lines (slowloris), while a user's normal
 * requests go on: the hub stays up and bounded in memory, every normal request is served, the unauthenticated
 * uploads are refused from their headers and closed, and the trickling connections are cut at the header deadline.
 */
class HostileConnectionsTest {
    static final int EACH = 100;

    @Test
    void twoHundredHostileConnectionsNeitherStopTheHubNorItsNormalTraffic() throws Exception {
        Path dir = Files.createTempDirectory("cch-hostile-");
        List<RawConnection> uploads = new ArrayList<>();
        List<RawConnection> tricklers = new ArrayList<>();
        Process hub = null;
        try (TestDatabase db = TestDatabase.create(); FakeUpstream upstream = FakeUpstream.start("hostile")) {
            int port = HubProcess.freePort();
            hub = HubProcess.start(port, dir, db.url(), List.of("-Xmx256m", "-XX:+UseSerialGC"),
                    "hub.proxy.header-timeout.ms=2000", "hub.failover.delay.ms=0");
            Http http = new Http("http://127.0.0.1:" + port);
            String key = HubProcess.providerAndKey(http, upstream.baseUrl());
            Map<String, Object> body = HubProcess.MESSAGE;

            for (int i = 0; i < EACH; i++) {
                RawConnection u = new RawConnection("127.0.0.1", port);
                u.send("POST /v1/messages HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\nContent-Length: 33554432\r\n\r\n{\"mo");
                uploads.add(u);
                RawConnection t = new RawConnection("127.0.0.1", port);
                t.send("POST /v1/messages HTTP/1.1\r\nHost: hub\r\n");
                tricklers.add(t);
            }
            long trickleStart = System.nanoTime();
            int served = 0;
            List<String> failures = new ArrayList<>();
            for (int round = 0; round < 10; round++) {
                for (int i = 0; i < 5; i++) {
                    Http.Answer a = http.post("/v1/messages", body, "x-api-key", key);
                    if (a.status() == 200) {
                        served++;
                    } else {
                        failures.add(a.status() + " " + a.body());
                    }
                }
                int r = round;
                tricklers.forEach(t -> t.send("x-trickle-" + r + ": 1\r\n"));
                Thread.sleep(300); // the trickle's pace: one header line per 300 ms
            }
            assertThat(served).as("normal requests served during the attack; failures: %s", failures).isEqualTo(50);

            for (RawConnection u : uploads) {
                RawConnection.Received r = u.readUntilClosed(10_000);
                assertThat(r.status()).isEqualTo(401);
                assertThat(r.open()).isFalse();
            }
            Awaitility.await("every trickling connection is cut").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> tricklers.stream().noneMatch(t -> t.stillOpen("x: 1\r\n")));
            assertThat(Duration.ofNanos(System.nanoTime() - trickleStart)).as("cut near the 2 s header deadline")
                    .isLessThan(Duration.ofSeconds(15));

            assertThat(hub.isAlive()).isTrue();
            long rssMb = HubProcess.residentMb(hub);
            assertThat(rssMb).as("resident memory of the hub process, MB").isLessThan(400);
            assertThat(http.get("/health").json().path("status").asText()).isEqualTo("up");
            System.out.println("HostileConnectionsTest: hub RSS " + rssMb + " MB after " + 2 * EACH + " hostile connections");
        } finally {
            if (hub != null) {
                hub.destroyForcibly().waitFor();
            }
            for (RawConnection c : uploads) {
                c.close();
            }
            for (RawConnection c : tricklers) {
                c.close();
            }
            TestHub.deleteTree(dir);
        }
    }
}
