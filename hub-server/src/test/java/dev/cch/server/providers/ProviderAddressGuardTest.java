package dev.cch.server.providers;

import dev.cch.server.testing.Http;
import dev.cch.server.testing.TestDatabase;
import dev.cch.server.testing.TestHub;
import dev.cch.testkit.FakeUpstream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code hub.providers.block-private-addresses} on, providers cannot be saved pointing inside the network, and a
 * provider saved earlier (or whose name now resolves inside) is refused again when the hub connects.
 */
class ProviderAddressGuardTest {
    static TestDatabase db;
    static TestHub open;
    static TestHub guarded;
    static FakeUpstream upstream;
    static String earlierKey;

    @BeforeAll
    static void start() {
        upstream = FakeUpstream.start("guarded");
        db = TestDatabase.create();
        open = TestHub.startOn(db, Map.of());
        // saved while the guard was off; the guarded hub loads it at start (its catalog does not follow other nodes)
        open.createProvider("saved-earlier", "claude", upstream.baseUrl(), p -> {
            p.put("groupTags", java.util.List.of("earlier"));
            return p;
        });
        earlierKey = open.createKey(Map.of("userId", open.createUser(Map.of("name", "earlier", "providerGroup", "earlier")),
                "name", "earlier"));
        guarded = TestHub.startOn(db, Map.of("hub.providers.block-private-addresses", "true", "hub.failover.delay.ms", "0"));
    }

    @AfterAll
    static void stop() {
        guarded.close();
        open.close();
        db.close();
        upstream.close();
    }

    static Http.Answer create(TestHub hub, String name, String baseUrl, String proxyUrl) {
        Map<String, Object> p = new HashMap<>(Map.of("name", name, "type", "claude", "baseUrl", baseUrl,
                "secret", "sk-guard-0123456789"));
        if (proxyUrl != null) {
            p.put("proxyUrl", proxyUrl);
        }
        return hub.admin("POST", "/api/v1/providers", p);
    }

    @Test
    void privateBaseUrlsAndProxiesAreRefusedNamingTheField() {
        Http.Answer loopback = create(guarded, "g-loop", upstream.baseUrl(), null);
        assertThat(loopback.status()).isEqualTo(400);
        assertThat(loopback.body()).contains("baseUrl").contains("loopback").contains("block-private-addresses");

        Http.Answer metadata = create(guarded, "g-meta", "http://169.254.169.254/latest", null);
        assertThat(metadata.status()).isEqualTo(400);
        assertThat(metadata.body()).contains("baseUrl").contains("link-local or metadata");

        Http.Answer proxy = create(guarded, "g-proxy", "https://8.8.8.8", "http://10.0.0.7:3128");
        assertThat(proxy.status()).isEqualTo(400);
        assertThat(proxy.body()).contains("proxyUrl").doesNotContain("\"baseUrl\"");

        assertThat(create(guarded, "g-public", "https://8.8.8.8", null).status()).isEqualTo(201);
        assertThat(create(open, "o-loop", "http://127.0.0.2:1", null).status()).as("off by default").isEqualTo(201);
    }

    @Test
    void internalAddressesWrittenInOtherFormsAreRefusedAtSave() {
        int port = java.net.URI.create(upstream.baseUrl()).getPort();
        for (String base : java.util.List.of("http://[::ffff:7f00:1]:" + port, "http://[::127.0.0.1]:" + port,
                "http://0177.0.0.1:" + port, "http://2130706433:" + port, "http://[64:ff9b::a9fe:a9fe]/latest",
                "http://[2002:a9fe:a9fe::]/latest")) {
            Http.Answer a = create(guarded, "g-form-" + base.hashCode(), base, null);
            assertThat(a.status()).as(base).isEqualTo(400);
            assertThat(a.body()).as(base).contains("baseUrl").contains("block-private-addresses");
        }
        Http.Answer proxy = create(guarded, "g-proxy-short", "https://8.8.8.8", "http://[64:ff9b::a00:7]:3128");
        assertThat(proxy.status()).isEqualTo(400);
        assertThat(proxy.body()).contains("proxyUrl");
    }

    @Test
    void aMaskedProxyPasswordDoesNotSkipTheCheckOfTheProxyHost() {
        Http.Answer created = create(guarded, "g-masked", "https://8.8.8.8", "http://u:pw-0123@8.8.4.4:3128");
        assertThat(created.status()).isEqualTo(201);
        Map<String, Object> p = new HashMap<>(Map.of("name", "g-masked", "type", "claude", "baseUrl", "https://8.8.8.8",
                "proxyUrl", "http://u:****@10.0.0.7:3128"));
        Http.Answer moved = guarded.admin("PUT", "/api/v1/providers/" + created.json().path("id").asLong(), p);
        assertThat(moved.status()).isEqualTo(400);
        assertThat(moved.body()).contains("proxyUrl").contains("10.0.0.7").contains("block-private-addresses");
    }

    @Test
    void aProviderSavedBeforeTheGuardIsRefusedAtConnectTime() {
        String key = earlierKey;
        long before = upstream.served();
        Http.Answer a = guarded.proxy().post("/v1/messages",
                "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":8,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                "x-api-key", key);
        assertThat(a.status()).isEqualTo(502);
        assertThat(a.json().path("error").path("message").asText()).contains("block-private-addresses");
        assertThat(upstream.served()).isEqualTo(before);

        Http.Answer direct = open.proxy().post("/v1/messages",
                "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":8,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                "x-api-key", key);
        assertThat(direct.status()).as("the same provider works where the guard is off").isEqualTo(200);
    }
}
