package dev.cch.server.upstream.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.server.observe.LangfuseExport;
import dev.cch.server.testing.FakeReceiver;
import dev.cch.server.testing.Http;
import dev.cch.server.testing.TestDatabase;
import dev.cch.server.testing.TestHub;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code hub.providers.block-private-addresses} on, the hub's own calls are guarded like provider calls:
 * webhook targets and price sources inside the network are refused when saved (400 naming the field), and a
 * webhook saved earlier, the configured price source and a Langfuse inside the network are refused at connect.
 * The loopback receiver stands in for the internal service an admin must not reach.
 */
class OutboundAddressGuardTest {
    static TestDatabase db;
    static TestHub open;
    static TestHub guarded;
    static FakeReceiver inside;
    static long savedEarlier;

    @BeforeAll
    static void start() {
        inside = FakeReceiver.start();
        db = TestDatabase.create();
        open = TestHub.startOn(db, Map.of());
        savedEarlier = TestHub.expect(open.admin("POST", "/api/v1/webhooks", Map.of("name", "earlier", "kind", "json",
                "url", inside.url("/hook"), "events", List.of("breaker_open"))), 201).path("id").asLong();
        guarded = TestHub.startOn(db, Map.of("hub.providers.block-private-addresses", "true",
                "hub.langfuse.public.key", "pk-lf-guard-0123", "hub.langfuse.secret.key", "sk-lf-guard-0123",
                "hub.langfuse.base.url", inside.url("/langfuse"), "hub.prices.sync.url", inside.url("/prices.json"),
                "hub.notify.attempts", "1"));
    }

    @AfterAll
    static void stop() {
        guarded.close();
        open.close();
        db.close();
        inside.close();
    }

    @Test
    void webhookTargetsInsideTheNetworkAreRefusedAtSaveNamingTheUrl() {
        for (String url : List.of(inside.url("/hook"), "http://[::ffff:a9fe:a9fe]/hook", "http://0x7f.1/hook")) {
            Http.Answer a = guarded.admin("POST", "/api/v1/webhooks", Map.of("name", "inside", "kind", "json",
                    "url", url, "events", List.of("breaker_open")));
            assertThat(a.status()).as(url).isEqualTo(400);
            assertThat(a.body()).as(url).contains("\"url\"").contains("block-private-addresses");
        }
    }

    @Test
    void aWebhookSavedBeforeTheGuardIsRefusedAtConnect() {
        JsonNode result = TestHub.expect(guarded.admin("POST", "/api/v1/webhooks/" + savedEarlier + "/test", null), 200);
        assertThat(result.path("delivered").asBoolean()).isFalse();
        assertThat(result.path("message").asText()).contains("block-private-addresses");
        assertThat(inside.received(r -> r.path().equals("/hook"))).isEmpty();

        JsonNode direct = TestHub.expect(open.admin("POST", "/api/v1/webhooks/" + savedEarlier + "/test", null), 200);
        assertThat(direct.path("delivered").asBoolean()).as("the same target is reached where the guard is off").isTrue();
    }

    @Test
    void priceSourcesInsideTheNetworkAreRefusedAtSaveNamingTheField() {
        Http.Answer setting = guarded.admin("PUT", "/api/v1/settings", Map.of("billingModel", "requested",
                "priceSyncUrl", "http://169.254.169.254/prices.json", "priceSyncHours", 24, "logRetentionDays", 0));
        assertThat(setting.status()).isEqualTo(400);
        assertThat(setting.body()).contains("priceSyncUrl").contains("block-private-addresses");

        Http.Answer onDemand = guarded.admin("POST", "/api/v1/prices/sync", Map.of("url", inside.url("/other.json")));
        assertThat(onDemand.status()).isEqualTo(400);
        assertThat(onDemand.body()).contains("\"url\"").contains("block-private-addresses");
    }

    @Test
    void theConfiguredPriceSourceIsRefusedAtConnect() {
        Http.Answer a = guarded.admin("POST", "/api/v1/prices/sync", null);
        assertThat(a.status()).isEqualTo(502);
        assertThat(a.body()).contains("block-private-addresses");
        assertThat(inside.received(r -> r.path().equals("/prices.json"))).isEmpty();
    }

    @Test
    void aLangfuseInsideTheNetworkGetsNothing() {
        String key = guarded.createKey(guarded.createUser("lf-guarded"));
        guarded.proxy().post("/v1/messages", Map.of("model", "claude-sonnet-4-5", "max_tokens", 8,
                "messages", List.of(Map.of("role", "user", "content", "hi"))), "x-api-key", key);
        LangfuseExport export = guarded.resource(LangfuseExport.class);
        Awaitility.await("the export to be refused").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> export.failedCount() > 0);
        assertThat(export.sentCount()).isZero();
        assertThat(inside.received(r -> r.path().startsWith("/langfuse"))).isEmpty();
    }
}
