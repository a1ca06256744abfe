package dev.cch.admin.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cch.protocol.admin.LiveEvent;
import dev.cch.protocol.admin.UserRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HTTP client against a scripted server on loopback: how answers and failures become results and sentences. */
class HttpHubClientTest {
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final List<String> seen = new ArrayList<>();
    private HttpServer server;
    private String base;
    private volatile boolean lockedOut;

    record Reply(int status, String type, String body) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        replies.put("GET /health", new Reply(200, "application/json",
                "{\"status\":\"up\",\"ready\":true,\"version\":\"0.1.0\",\"checks\":{\"database\":\"up\"}}"));
        replies.put("POST /api/v1/login", new Reply(200, "application/json", "{\"actor\":\"admin\",\"version\":\"0.1.0\"}"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private synchronized void answer(HttpExchange ex) throws IOException {
        String key = ex.getRequestMethod() + " " + ex.getRequestURI().getPath();
        seen.add(key + " " + ex.getRequestHeaders().getFirst("Authorization") + " " + ex.getRequestHeaders().getFirst("Last-Event-ID"));
        Reply r = replies.getOrDefault(key, new Reply(404, "application/problem+json", ""));
        byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", r.type());
        if (lockedOut && key.equals("POST /api/v1/login")) {
            ex.getResponseHeaders().add("Retry-After", "30");
            r = new Reply(429, "application/problem+json", "");
        }
        ex.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void connectChecksHealthThenRecordsTheLoginWithTheToken() throws Exception {
        HttpHubClient c = new HttpHubClient();
        assertThat(c.connect(base + "/", "tok").version()).isEqualTo("0.1.0");
        assertThat(c.serverUrl()).isEqualTo(base);
        assertThat(seen).contains("POST /api/v1/login Bearer tok null");
    }

    @Test
    void aRefusedTokenAnIncompatibleHubAndNoHubAreToldApart() {
        replies.put("POST /api/v1/login", new Reply(401, "application/problem+json", "{\"title\":\"Unauthorized\",\"status\":401}"));
        assertThatThrownBy(() -> new HttpHubClient().connect(base, "bad"))
                .hasMessage("The server refused this admin token.");
        replies.put("GET /health", new Reply(200, "application/json", "{\"status\":\"up\",\"ready\":true,\"version\":\"2.0.0\",\"checks\":{}}"));
        assertThatThrownBy(() -> new HttpHubClient().connect(base, "tok")).hasMessageContaining("hub version 2.0.0");
        replies.put("GET /health", new Reply(200, "text/html", "<html>router login</html>"));
        assertThatThrownBy(() -> new HttpHubClient().connect(base, "tok")).hasMessageContaining("does not understand");
        server.stop(0);
        assertThatThrownBy(() -> new HttpHubClient().connect(base, "tok")).hasMessage("No hub answers at " + base + ".");
    }

    @Test
    void aLockoutAndAKeyWithoutAdminRightsAreExplained() {
        replies.put("POST /api/v1/login", new Reply(403, "application/problem+json", ""));
        assertThatThrownBy(() -> new HttpHubClient().connect(base, "cch-user-key"))
                .hasMessage("This is a hub key without admin rights; use the admin token or an admin's key.");
        lockedOut = true;
        assertThatThrownBy(() -> new HttpHubClient().connect(base, "guess"))
                .hasMessage("Too many wrong tokens from this computer: the hub lets it try again in 30 s.");
    }

    @Test
    void fieldErrorsOfAProblemDocumentReachTheCaller() throws Exception {
        HttpHubClient c = new HttpHubClient();
        c.connect(base, "tok");
        replies.put("POST /api/v1/users", new Reply(400, "application/problem+json",
                "{\"type\":\"about:blank\",\"title\":\"Invalid request\",\"status\":400,\"detail\":\"1 field(s) are invalid\","
                        + "\"errors\":[{\"field\":\"limits.usdDaily\",\"message\":\"must not be negative\"}]}"));
        assertThatThrownBy(() -> c.createUser(UserRequest.named("x")))
                .isInstanceOfSatisfying(HubException.class, e -> {
                    assertThat(e.kind()).isEqualTo(HubException.Kind.INVALID);
                    assertThat(e.getMessage()).isEqualTo("1 field(s) are invalid");
                    assertThat(e.fieldErrors()).singleElement().satisfies(f -> assertThat(f.field()).isEqualTo("limits.usdDaily"));
                });
    }

    @Test
    void theEventStreamIsDecodedSkippingCommentsAndUnknownTypesAndResumesFromAnId() throws Exception {
        HttpHubClient c = new HttpHubClient();
        c.connect(base, "tok");
        replies.put("GET /api/v1/events", new Reply(200, "text/event-stream", """
                : keep-alive

                id: 41
                event: breaker
                data: {"type":"breaker","at":"2026-03-02T10:00:00Z","providerId":3,"providerName":"p","state":"open","failures":5,"reopensAt":null}

                id: 42
                event: future
                data: {"type":"future","at":"2026-03-02T10:00:01Z"}

                id: 43
                event: limit
                data: {"type":"limit","at":"2026-03-02T10:00:02Z","limitType":"rpm",
                data: "subject":"user a","subjectId":1,"message":"limit"}

                """));
        List<String> got = new ArrayList<>();
        c.followEvents("40", (id, e) -> got.add(id + " " + e.getClass().getSimpleName()
                + (e instanceof LiveEvent.Breaker b ? " " + b.state() : "")));
        assertThat(got).containsExactly("41 Breaker open", "43 Limit");
        assertThat(seen).contains("GET /api/v1/events Bearer tok 40");
    }
}
