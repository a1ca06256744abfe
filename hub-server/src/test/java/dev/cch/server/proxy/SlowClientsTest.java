package dev.cch.server.proxy;

import dev.cch.server.testing.RawConnection;
import dev.cch.server.testing.TestHub;
import dev.cch.testkit.FakeUpstream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Callers that send too little: no key but a huge declared body, a chunked upload without a key, a body that
 * stalls, headers trickled a line at a time. None of them gets the hub to read or hold their bytes, and none keeps
 * its connection past its deadline.
 */
class SlowClientsTest {
    static TestHub hub;
    static FakeUpstream upstream;
    static String key;
    static String host;
    static int port;

    @BeforeAll
    static void start() {
        upstream = FakeUpstream.start("slow-clients");
        hub = TestHub.start(Map.of("hub.proxy.body-timeout.ms", "1000", "hub.proxy.header-timeout.ms", "1000",
                "hub.failover.delay.ms", "0"));
        hub.createProvider("slow-clients-claude", "claude", upstream.baseUrl());
        key = hub.userWithKey("slow-clients-user");
        URI base = URI.create(hub.baseUrl());
        host = base.getHost();
        port = base.getPort();
    }

    @AfterAll
    static void stop() {
        hub.close();
        upstream.close();
    }

    static String head(String credential, String framing) {
        return "POST /v1/messages HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\nanthropic-version: 2023-06-01\r\n"
                + credential + framing + "\r\n";
    }

    @Test
    void withoutAValidKeyADeclaredBodyIsNeverReadTheAnswerComesFromTheHeadersAndTheConnectionCloses() throws Exception {
        for (String credential : new String[] {"", "x-api-key: cch-not-a-key\r\n"}) {
            try (RawConnection c = new RawConnection(host, port)) {
                c.send(head(credential, "Content-Length: 33554432\r\n") + "{\"model\":");
                RawConnection.Received r = c.readUntilClosed(5_000);
                assertThat(r.open()).as("closed, not waiting for 32 MiB: " + r.text()).isFalse();
                assertThat(r.status()).isEqualTo(401);
                assertThat(r.body()).contains("authentication_error");
            }
        }
    }

    @Test
    void aChunkedUploadWithoutAKeyIsRefusedAtItsFirstChunk() throws Exception {
        try (RawConnection c = new RawConnection(host, port)) {
            c.send(head("", "Transfer-Encoding: chunked\r\n") + "10000\r\n" + "x".repeat(0x10000) + "\r\n");
            RawConnection.Received r = c.readUntilClosed(5_000);
            assertThat(r.open()).isFalse();
            assertThat(r.status()).isEqualTo(401);
        }
    }

    @Test
    void aBodyThatStallsIsCutAtItsDeadlineAndLoggedAs408() throws Exception {
        long before = hub.db().number("SELECT count(*) FROM request_log");
        int upstreamBefore = upstream.requests().size();
        try (RawConnection c = new RawConnection(host, port)) {
            c.send(head("x-api-key: " + key + "\r\n", "Content-Length: 500\r\n") + "{\"model\":\"claude-sonnet-4-5\"");
            RawConnection.Received r = c.readUntilClosed(10_000);
            assertThat(r.open()).as("the stalled connection is cut").isFalse();
        }
        hub.awaitLogRows(before + 1);
        assertThat(hub.db().number("SELECT count(*) FROM request_log WHERE status_code = 408")).isEqualTo(1);
        assertThat(upstream.requests()).as("nothing reached the provider").hasSize(upstreamBefore);
    }

    @Test
    void headersTrickledALineAtATimeAreCutAtTheHeaderDeadline() throws Exception {
        try (RawConnection c = new RawConnection(host, port)) {
            c.send("POST /v1/messages HTTP/1.1\r\nHost: hub\r\n");
            long start = System.nanoTime();
            Awaitility.await("the trickling connection is closed").atMost(Duration.ofSeconds(8))
                    .pollInterval(Duration.ofMillis(200)).until(() -> !c.stillOpen("x-trickle-" + System.nanoTime() + ": 1\r\n"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
        // the hub still serves
        assertThat(hub.proxy().post("/v1/messages", Map.of("model", "claude-sonnet-4-5", "max_tokens", 8,
                "messages", java.util.List.of(Map.of("role", "user", "content", "hi"))), "x-api-key", key).status())
                .isEqualTo(200);
    }
}
