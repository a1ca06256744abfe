package dev.cch.server.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.server.HubServer;
import dev.cch.server.config.HubConfig;
import dev.cch.testkit.Behaviour;
import dev.cch.testkit.FakeUpstream;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A hub to look at, not to use: embedded PostgreSQL in a throw-away data directory, in-process state, three fake
 * providers in this process, three demo users with a key each, and a little background traffic so the dashboard moves.
 * Started by {@code ./bin/hub --demo} or {@code HUB_DEMO=true}; everything is deleted again on exit.
 */
public final class DemoMode implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DemoMode.class.getName());
    static final List<String> USERS = List.of("ada", "grace", "linus");

    private final HubServer hub;
    private final Path dataDir;
    private final List<FakeUpstream> upstreams;
    private final List<String> keys;
    private final DemoTraffic traffic;

    private DemoMode(HubServer hub, Path dataDir, List<FakeUpstream> upstreams, List<String> keys, DemoTraffic traffic) {
        this.hub = hub;
        this.dataDir = dataDir;
        this.upstreams = upstreams;
        this.keys = keys;
        this.traffic = traffic;
    }

    /** True when {@code --demo} is among the arguments or {@code hub.demo} ({@code HUB_DEMO}) is true. */
    public static boolean requested(Config raw, String[] args) {
        return Arrays.asList(args).contains("--demo") || raw.get("hub.demo").asBoolean().orElse(false);
    }

    /**
     * The configuration with the demo's embedded defaults on top: a fresh data directory, no external database or
     * Redis, generated admin token and master key. Server settings (port, host) stay as configured.
     */
    static HubConfig config(Config raw, Path dataDir) {
        Map<String, String> demo = Map.of("hub.data.dir", dataDir.toString(), "hub.database.url", "",
                "hub.redis.url", "", "hub.admin.token", "", "hub.master.key", "");
        return HubConfig.from(Config.just(ConfigSources.create(demo), ConfigSources.create(raw)));
    }

    /** Starts the hub in demo mode, seeds it, prints the banner with a demo key and starts the background traffic. */
    public static DemoMode start(Config raw, PrintStream out) {
        Path dir;
        try {
            dir = Files.createTempDirectory("cch-demo-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.warning("DEMO MODE: fake providers, demo users and generated traffic; data in " + dir + " is deleted on exit. "
                + "Not for real use.");
        List<FakeUpstream> upstreams = new ArrayList<>();
        HubServer hub = HubServer.start(config(raw, dir));
        try {
            DemoSeed seed = new DemoSeed(hub.baseUrl(), hub.adminToken(), hub.parts().mapper());
            for (DemoSeed.Provider p : DemoSeed.PROVIDERS) {
                FakeUpstream up = FakeUpstream.start(p.name());
                up.defaultBehaviour(() -> Behaviour.ok().withHeaderDelay(p.latency()));
                upstreams.add(up);
                seed.provider(p, up.baseUrl());
            }
            List<String> keys = new ArrayList<>();
            for (String user : USERS) {
                keys.add(seed.userWithKey(user));
            }
            DemoTraffic traffic = DemoTraffic.start(hub.baseUrl(), keys);
            DemoMode demo = new DemoMode(hub, dir, upstreams, keys, traffic);
            hub.printBanner(out);
            demo.printBanner(out);
            return demo;
        } catch (RuntimeException e) {
            hub.close();
            upstreams.forEach(FakeUpstream::close);
            deleteTree(dir);
            throw e;
        }
    }

    void printBanner(PrintStream out) {
        out.println("  ================================ DEMO MODE ================================");
        out.println("  Fake providers (in this process), demo users " + String.join(", ", USERS)
                + " and ~" + DemoTraffic.RATE_PER_SECOND + " requests/s of");
        out.println("  background traffic. Nothing here is real; the data is deleted when the hub stops.");
        out.println("  Demo key (user " + USERS.get(0) + "): " + keys.get(0));
        out.println("  Try it:     curl -s http://localhost:" + hub.port() + "/v1/messages -H 'x-api-key: " + keys.get(0) + "' \\");
        out.println("                -d '{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}'");
        out.println("  ===========================================================================");
        out.println();
    }

    public HubServer hub() {
        return hub;
    }

    /** Requests the background traffic has sent so far. */
    public long trafficSent() {
        return traffic.sent();
    }

    @Override
    public void close() {
        traffic.close();
        hub.close();
        upstreams.forEach(FakeUpstream::close);
        deleteTree(dataDir);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warning("could not delete the demo data in " + dir + ": " + e.getMessage());
        }
    }

    /** Creates the demo's providers, users and keys through the hub's own admin API, as an admin would. */
    static final class DemoSeed {
        record Provider(String name, String type, String modelPrefix, Duration latency) {
        }

        static final List<Provider> PROVIDERS = List.of(
                new Provider("demo-anthropic", "claude", "claude-", Duration.ofMillis(350)),
                new Provider("demo-openai", "openai-compatible", "gpt-", Duration.ofMillis(450)),
                new Provider("demo-gemini", "gemini", "gemini-", Duration.ofMillis(250)));

        private final String base;
        private final String token;
        private final ObjectMapper mapper;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        DemoSeed(String base, String token, ObjectMapper mapper) {
            this.base = base;
            this.token = token;
            this.mapper = mapper;
        }

        void provider(Provider p, String url) {
            post("/api/v1/providers", Map.of("name", p.name(), "type", p.type(), "baseUrl", url,
                    "secret", "sk-demo-" + p.name() + "-0000000000",
                    "allowedModels", List.of(Map.of("match", "prefix", "pattern", p.modelPrefix()))));
        }

        String userWithKey(String name) {
            long id = post("/api/v1/users", Map.of("name", name, "description", "Demo user")).path("id").asLong();
            return post("/api/v1/keys", Map.of("userId", id, "name", name + "-laptop")).path("secret").asText();
        }

        private JsonNode post(String path, Object body) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("authorization", "Bearer " + token).header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 201) {
                    throw new IllegalStateException("demo setup: " + path + " answered " + r.statusCode() + ": " + r.body());
                }
                return mapper.readTree(r.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during demo setup", e);
            }
        }
    }
}
