package dev.cch.admin.testing;

import dev.cch.admin.api.HttpHubClient;
import dev.cch.admin.api.HubException;
import dev.cch.server.HubServer;
import dev.cch.server.config.HubConfig;
import dev.cch.testkit.FakeUpstream;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real hub on its embedded defaults (embedded PostgreSQL in a temporary data directory, in-process state) with
 * fake upstreams, for the end-to-end test and the screenshot tour. Clients send traffic with {@link #send}.
 */
public final class DemoHub implements AutoCloseable {
    public static final String ADMIN_TOKEN = "demo-admin-token-0123456789";

    private final Path dataDir;
    private final HubServer hub;
    private final Map<String, FakeUpstream> upstreams = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DemoHub(Path dataDir, HubServer hub) {
        this.dataDir = dataDir;
        this.hub = hub;
    }

    public static DemoHub start() {
        try {
            Path dir = Files.createTempDirectory("cch-fx-hub-");
            Map<String, String> m = new HashMap<>();
            m.put("server.port", "0");
            m.put("server.host", "127.0.0.1");
            m.put("hub.data.dir", dir.toString());
            m.put("hub.admin.token", ADMIN_TOKEN);
            m.put("hub.master.key", Base64.getEncoder().encodeToString(new byte[32]));
            m.put("hub.time.zone", "UTC");
            m.put("hub.log.flush.ms", "20");
            m.put("server.shutdown-grace-period", "PT2S");
            return new DemoHub(dir, HubServer.start(HubConfig.from(Config.just(ConfigSources.create(m)))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return hub.baseUrl();
    }

    /** A client connected as the admin. */
    public HttpHubClient admin() throws HubException {
        HttpHubClient c = new HttpHubClient();
        c.connect(baseUrl(), ADMIN_TOKEN);
        return c;
    }

    public FakeUpstream upstream(String name) {
        return upstreams.computeIfAbsent(name, FakeUpstream::start);
    }

    /** One Anthropic Messages request with a hub key; returns the HTTP status. */
    public int send(String key, String model, String session) {
        String body = "{\"model\":\"" + model + "\",\"max_tokens\":64,\"metadata\":{\"user_id\":\"user_demo_account__session_"
                + session + "\"},\"messages\":[{\"role\":\"user\",\"content\":\"Summarise the change in two lines.\"}]}";
        HttpRequest r = HttpRequest.newBuilder(URI.create(baseUrl() + "/v1/messages")).timeout(Duration.ofSeconds(30))
                .header("x-api-key", key).header("content-type", "application/json")
                .header("anthropic-version", "2023-06-01")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() {
        hub.close();
        upstreams.values().forEach(FakeUpstream::close);
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
