package dev.cch.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.cch.server.billing.PriceRepository;
import dev.cch.server.prices.PriceSync;
import dev.cch.server.testing.Http;
import dev.cch.server.testing.MutableClock;
import dev.cch.server.testing.TestHub;
import dev.cch.testkit.Behaviour;
import dev.cch.testkit.FakeUpstream;
import dev.cch.testkit.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The price table end to end: search and paging, manual prices that no sync overwrites, syncs from a LiteLLM JSON
 * URL and a TOML file, exact costs with both multipliers, and the list of models that had no price.
 */
class PricesApiTest {
    static TestHub hub;
    static FakeUpstream upstream;
    static HttpServer source;
    static final AtomicReference<String> served = new AtomicReference<>("{}");
    static final AtomicInteger fetches = new AtomicInteger();
    static Path toml;
    static String key;

    static final String LITELLM = """
            {
              "sample_spec": {"input_cost_per_token": 0, "output_cost_per_token": 0, "mode": "chat"},
              "claude-haiku-4-5": {"input_cost_per_token": 2e-06, "output_cost_per_token": 1e-05,
                "cache_creation_input_token_cost": 2.5e-06, "cache_read_input_token_cost": 2e-07,
                "litellm_provider": "anthropic", "mode": "chat"},
              "brand-new-model": {"input_cost_per_token": 1.1e-06, "output_cost_per_token": 4.4e-06,
                "input_cost_per_token_above_128k_tokens": 2.2e-06, "output_cost_per_token_above_128k_tokens": 8.8e-06,
                "litellm_provider": "openai", "mode": "chat"},
              "my-manual-model": {"input_cost_per_token": 9e-06, "output_cost_per_token": 9e-06, "mode": "chat"},
              "text-embedding-3-small": {"input_cost_per_token": 2e-08, "output_cost_per_token": 0, "mode": "embedding"},
              "bedrock/anthropic.claude-x": {"input_cost_per_token": 1e-06, "output_cost_per_token": 1e-06, "mode": "chat"}
            }""";

    @BeforeAll
    static void start() throws IOException {
        source = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        source.createContext("/prices.json", ex -> {
            byte[] b = served.get().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        source.createContext("/scheduled.json", ex -> {
            fetches.incrementAndGet();
            byte[] b = "{\"scheduled-model\": {\"input_cost_per_token\": 1e-06, \"output_cost_per_token\": 2e-06}}"
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        source.createContext("/missing.json", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        source.start();
        toml = Files.createTempFile("prices", ".toml");
        Files.writeString(toml, """
                [models."toml-model"]
                vendor = "acme"
                input = 0.5
                output = 1.5
                cache_read = 0.05
                aliases = ["toml-model-latest"]
                """);
        upstream = FakeUpstream.start("prices");
        hub = TestHub.start(Map.of("hub.prices.sync.url", toml.toString()));
        key = hub.userWithKey("pricey");
    }

    @AfterAll
    static void stop() throws IOException {
        hub.close();
        upstream.close();
        source.stop(0);
        Files.deleteIfExists(toml);
    }

    static String url(String path) {
        return "http://127.0.0.1:" + source.getAddress().getPort() + path;
    }

    @Test
    void seedCoversClaudeGptAndGeminiAndSearchFiltersAndPages() {
        JsonNode gemini = TestHub.expect(hub.admin("GET", "/api/v1/prices?search=gemini-2.5&source=seed", null), 200);
        assertThat(gemini.path("items").findValuesAsText("model")).contains("gemini-2.5-pro", "gemini-2.5-flash");
        JsonNode pro = TestHub.expect(hub.admin("GET", "/api/v1/prices?search=gemini-2.5-pro", null), 200).path("items").get(0);
        assertThat(pro.path("longContextThreshold").asInt()).isEqualTo(200_000);
        assertThat(TestHub.expect(hub.admin("GET", "/api/v1/prices?vendor=openai", null), 200).path("items")
                .findValuesAsText("model")).contains("gpt-5", "gpt-4.1");
        JsonNode sonnet = TestHub.expect(hub.admin("GET", "/api/v1/prices?search=claude-sonnet-4-5", null), 200)
                .path("items").get(0);
        assertThat(sonnet.path("inputPerMTok").decimalValue()).isEqualByComparingTo("3");
        assertThat(sonnet.path("cacheWrite1hPerMTok").decimalValue()).isEqualByComparingTo("6");

        Set<String> seen = new HashSet<>();
        String cursor = null;
        do {
            JsonNode page = TestHub.expect(hub.admin("GET", "/api/v1/prices?source=seed&limit=5"
                    + (cursor == null ? "" : "&cursor=" + cursor), null), 200);
            page.path("items").forEach(p -> assertThat(seen.add(p.path("model").asText())).isTrue());
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
        } while (cursor != null);
        assertThat((long) seen.size()).isEqualTo(hub.db().number("SELECT count(*) FROM model_prices WHERE source = 'seed'"));
        assertThat(hub.admin("GET", "/api/v1/prices?source=guess", null).status()).isEqualTo(400);
    }

    @Test
    void manualPricesSurviveSyncsWhichAddAndUpdateTheRest() {
        JsonNode manual = TestHub.expect(hub.admin("POST", "/api/v1/prices", Map.of("model", "my-manual-model",
                "inputPerMTok", 1, "outputPerMTok", 2)), 201);
        assertThat(manual.path("source").asText()).isEqualTo("manual");
        assertThat(hub.admin("POST", "/api/v1/prices", Map.of("model", "my-manual-model", "inputPerMTok", 1,
                "outputPerMTok", 2)).status()).isEqualTo(409);

        served.set(LITELLM);
        JsonNode result = TestHub.expect(hub.admin("POST", "/api/v1/prices/sync", Map.of("url", url("/prices.json"))), 200);
        assertThat(result.path("added").asInt()).isEqualTo(1);      // brand-new-model
        assertThat(result.path("updated").asInt()).isEqualTo(1);    // claude-haiku-4-5 (seed: $1 / $5)
        assertThat(result.path("keptManual").asInt()).isEqualTo(1); // my-manual-model
        assertThat(result.path("unchanged").asInt()).isZero();

        JsonNode haiku = TestHub.expect(hub.admin("GET", "/api/v1/prices?search=claude-haiku-4-5", null), 200).path("items").get(0);
        assertThat(haiku.path("source").asText()).isEqualTo("sync");
        assertThat(haiku.path("inputPerMTok").decimalValue()).isEqualByComparingTo("2");
        JsonNode fresh = TestHub.expect(hub.admin("GET", "/api/v1/prices?search=brand-new-model", null), 200).path("items").get(0);
        assertThat(fresh.path("longContextThreshold").asInt()).isEqualTo(128_000);
        assertThat(fresh.path("outputLongPerMTok").decimalValue()).isEqualByComparingTo("8.8");
        JsonNode kept = TestHub.expect(hub.admin("GET", "/api/v1/prices/" + manual.path("id").asLong(), null), 200);
        assertThat(kept.path("inputPerMTok").decimalValue()).isEqualByComparingTo("1");
        assertThat(TestHub.expect(hub.admin("GET", "/api/v1/prices?search=embedding", null), 200).path("items")).isEmpty();

        JsonNode again = TestHub.expect(hub.admin("POST", "/api/v1/prices/sync", Map.of("url", url("/prices.json"))), 200);
        assertThat(again.path("unchanged").asInt()).isEqualTo(2);
        assertThat(again.path("added").asInt() + again.path("updated").asInt()).isZero();
    }

    @Test
    void theConfiguredTomlFileSyncsOnDemandAndBadSourcesAnswer502() {
        JsonNode result = TestHub.expect(hub.admin("POST", "/api/v1/prices/sync", null), 200);
        assertThat(result.path("source").asText()).isEqualTo(toml.toString());
        JsonNode p = TestHub.expect(hub.admin("GET", "/api/v1/prices?search=toml-model-latest", null), 200).path("items").get(0);
        assertThat(p.path("vendor").asText()).isEqualTo("acme");
        assertThat(p.path("cacheReadPerMTok").decimalValue()).isEqualByComparingTo("0.05");

        Http.Answer gone = hub.admin("POST", "/api/v1/prices/sync", Map.of("url", url("/missing.json")));
        assertThat(gone.status()).isEqualTo(502);
        assertThat(gone.json().path("detail").asText()).contains("404");
        Http.Answer file = hub.admin("POST", "/api/v1/prices/sync", Map.of("url", "/etc/passwd"));
        assertThat(file.status()).isEqualTo(400);
    }

    @Test
    void costIsExactWithProviderAndGroupMultipliersAndUnpricedModelsAreListed() {
        TestHub.expect(hub.admin("POST", "/api/v1/provider-groups", Map.of("name", "premium", "costMultiplier", 1.5)), 201);
        hub.createProvider("premium-claude", "claude", upstream.baseUrl(), p -> {
            p.put("groupTags", List.of("premium"));
            p.put("costMultiplier", 1.1);
            return p;
        });
        String premiumKey = hub.createKey(Map.of("userId", hub.createUser(Map.of("name", "vip", "providerGroup", "premium")),
                "name", "vip-key"));
        TestHub.expect(hub.admin("POST", "/api/v1/prices", Map.of("model", "exact-model", "inputPerMTok", "3.3",
                "outputPerMTok", "16.5", "cacheReadPerMTok", "0.33")), 201);

        upstream.enqueue(Behaviour.reply(new Reply(List.of(new Reply.Text("ok")), "end_turn", 1234, 567, 8901, 0)));
        Http.Answer a = hub.proxy().post("/v1/messages", Map.of("model", "exact-model", "max_tokens", 16,
                "messages", List.of(Map.of("role", "user", "content", "hi"))), "x-api-key", premiumKey,
                "anthropic-version", "2023-06-01");
        assertThat(a.status()).isEqualTo(200);
        Map<String, Object> row = hub.logRow(a.header("x-cch-request-id"));
        BigDecimal expected = new BigDecimal("1234").multiply(new BigDecimal("0.0000033"))
                .add(new BigDecimal("567").multiply(new BigDecimal("0.0000165")))
                .add(new BigDecimal("8901").multiply(new BigDecimal("0.00000033")))
                .multiply(new BigDecimal("1.65"));
        assertThat((BigDecimal) row.get("cost_usd")).isEqualByComparingTo(expected);
        assertThat(row.get("price_missing")).isEqualTo(false);

        upstream.enqueue(Behaviour.ok());
        Http.Answer unknown = hub.proxy().post("/v1/messages", Map.of("model", "claude-mystery-9", "max_tokens", 16,
                "messages", List.of(Map.of("role", "user", "content", "hi"))), "x-api-key", premiumKey,
                "anthropic-version", "2023-06-01");
        Map<String, Object> unpriced = hub.logRow(unknown.header("x-cch-request-id"));
        assertThat((BigDecimal) unpriced.get("cost_usd")).isZero();
        assertThat(unpriced.get("price_missing")).isEqualTo(true);
        JsonNode missing = TestHub.expect(hub.admin("GET", "/api/v1/prices/missing", null), 200).path("items");
        assertThat(missing.findValuesAsText("model")).contains("claude-mystery-9");

        TestHub.expect(hub.admin("POST", "/api/v1/prices", Map.of("model", "claude-mystery-9", "inputPerMTok", 1,
                "outputPerMTok", 1)), 201);
        assertThat(TestHub.expect(hub.admin("GET", "/api/v1/prices/missing", null), 200).path("items")
                .findValuesAsText("model")).doesNotContain("claude-mystery-9");
    }

    @Test
    void scheduledSyncRunsWhenDueByTheInjectedClock() {
        MutableClock clock = MutableClock.atNow();
        PriceRepository repo = new PriceRepository(hub.server().parts().database().client(), new ObjectMapper());
        AtomicInteger changed = new AtomicInteger();
        int before = fetches.get();
        try (PriceSync sync = new PriceSync(repo, changed::incrementAndGet, clock, () -> url("/scheduled.json"), () -> 6,
                false)) {
            sync.tick();
            sync.tick();
            assertThat(fetches.get() - before).isEqualTo(1);
            clock.advance(Duration.ofHours(5));
            sync.tick();
            assertThat(fetches.get() - before).isEqualTo(1);
            clock.advance(Duration.ofHours(1));
            sync.tick();
            assertThat(fetches.get() - before).isEqualTo(2);
            assertThat(changed.get()).isEqualTo(2);
        }
    }

    @Test
    void invalidPricesAreNamed() {
        Http.Answer a = hub.admin("POST", "/api/v1/prices", Map.of("model", "", "inputPerMTok", -1,
                "longContextThreshold", 1000));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().path("errors").findValuesAsText("field"))
                .contains("model", "inputPerMTok", "outputPerMTok", "inputLongPerMTok");
        Map<String, Object> body = new HashMap<>(Map.of("model", "x", "inputPerMTok", 1, "outputPerMTok", 1));
        body.put("colour", "red");
        assertThat(hub.admin("POST", "/api/v1/prices", body).status()).isEqualTo(400);
    }
}
