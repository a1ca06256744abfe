package dev.cch.server.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.server.testing.Http;
import dev.cch.server.testing.TestHub;
import dev.cch.server.testing.TestProxy;
import dev.cch.testkit.FakeUpstream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ProxySelector;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Providers behind HTTP, HTTPS (CONNECT) and SOCKS5 proxies, through real proxies on loopback. */
class OutboundProxyTest {
    static TestHub hub;
    static FakeUpstream upstream;
    static final String BODY = "{\"model\":\"claude-haiku-4-5\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @BeforeAll
    static void start() {
        upstream = FakeUpstream.start("behind-proxy");
        hub = TestHub.start(Map.of("hub.failover.delay.ms", "0"));
    }

    @AfterAll
    static void stop() {
        hub.close();
        upstream.close();
    }

    static String keyForProvider(String group, String proxyUrl, boolean fallback) {
        hub.createProvider(group, "claude", upstream.baseUrl(), p -> {
            p.put("groupTags", List.of(group));
            p.put("proxyUrl", proxyUrl);
            p.put("proxyFallbackToDirect", fallback);
            p.put("maxRetryAttempts", 1);
            return p;
        });
        return hub.createKey(Map.of("userId", hub.createUser(Map.of("name", "u-" + group, "providerGroup", group)), "name", group));
    }

    @Test
    void httpProxyWithCredentialsCarriesTheRequest() throws Exception {
        try (TestProxy proxy = new TestProxy(TestProxy.Kind.HTTP, "alice", "s3cret")) {
            String key = keyForProvider("http-proxy", "http://alice:s3cret@127.0.0.1:" + proxy.port(), false);
            Http.Answer a = hub.proxy().post("/v1/messages", BODY, "x-api-key", key);
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.json().path("content").get(0).path("text").asText()).isEqualTo("Hello from behind-proxy.");
            // Helidon tunnels through an authenticating HTTP proxy with CONNECT; either way the proxy carried it
            assertThat(proxy.seen()).anyMatch(s -> s.contains(":" + upstream.port()));
            assertThat(proxy.refused()).isZero();
        }
    }

    @Test
    void httpsProxyUrlTunnelsWithConnect() throws Exception {
        try (TestProxy proxy = new TestProxy(TestProxy.Kind.HTTP, null, null)) {
            String key = keyForProvider("connect-proxy", "https://127.0.0.1:" + proxy.port(), false);
            assertThat(hub.proxy().post("/v1/messages", BODY, "x-api-key", key).status()).isEqualTo(200);
            assertThat(proxy.seen()).anyMatch(s -> s.startsWith("CONNECT ") && s.endsWith(":" + upstream.port()));
        }
    }

    @Test
    void socks5ProxyWithCredentialsCarriesTheRequest() throws Exception {
        try (TestProxy socks = new TestProxy(TestProxy.Kind.SOCKS5, "bob", "pw")) {
            String key = keyForProvider("socks-proxy", "socks5://bob:pw@127.0.0.1:" + socks.port(), false);
            Http.Answer a = hub.proxy().post("/v1/messages", BODY, "x-api-key", key);
            assertThat(a.status()).isEqualTo(200);
            assertThat(socks.seen()).anyMatch(s -> s.startsWith("SOCKS ") && s.endsWith(":" + upstream.port()));
            assertThat(socks.refused()).isZero();
            // the database writes of the same requests never went through the proxy
            assertThat(socks.seen()).noneMatch(s -> s.endsWith(":5432") || s.endsWith(":6379"));
        }
    }

    @Test
    void proxyFailureFallsBackToDirectWhenAllowed() throws Exception {
        try (TestProxy proxy = new TestProxy(TestProxy.Kind.HTTP, "alice", "right")) {
            String strict = keyForProvider("proxy-strict", "http://alice:wrong@127.0.0.1:" + proxy.port(), false);
            String lenient = keyForProvider("proxy-lenient", "http://alice:wrong@127.0.0.1:" + proxy.port(), true);
            Http.Answer refused = hub.proxy().post("/v1/messages", BODY, "x-api-key", strict);
            assertThat(refused.status()).isEqualTo(502);
            assertThat(hub.proxy().post("/v1/messages", BODY, "x-api-key", lenient).status()).isEqualTo(200);
            assertThat(proxy.refused()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void theMaskedPasswordSentBackByTheEditorKeepsTheStoredOneEvenWhenTheProxyMoves() throws Exception {
        try (TestProxy first = new TestProxy(TestProxy.Kind.HTTP, "carol", "k3pt-secret");
             TestProxy moved = new TestProxy(TestProxy.Kind.HTTP, "carol", "k3pt-secret")) {
            Map<String, Object> p = new HashMap<>(Map.of("name", "masked-proxy", "type", "claude",
                    "baseUrl", upstream.baseUrl(), "secret", "sk-masked-0123456789", "groupTags", List.of("masked-proxy"),
                    "proxyUrl", "http://carol:k3pt-secret@127.0.0.1:" + first.port(), "maxRetryAttempts", 1));
            long id = TestHub.expect(hub.admin("POST", "/api/v1/providers", p), 201).path("id").asLong();
            String key = hub.createKey(Map.of("userId", hub.createUser(Map.of("name", "u-masked", "providerGroup",
                    "masked-proxy")), "name", "masked"));
            String shown = TestHub.expect(hub.admin("GET", "/api/v1/providers/" + id, null), 200).path("proxyUrl").asText();
            assertThat(shown).isEqualTo("http://carol:****@127.0.0.1:" + first.port());

            p.remove("secret");
            p.put("proxyUrl", shown.replace(":" + first.port(), ":" + moved.port()));
            JsonNode replaced = TestHub.expect(hub.admin("PUT", "/api/v1/providers/" + id, p), 200);
            assertThat(replaced.path("proxyUrl").asText()).isEqualTo("http://carol:****@127.0.0.1:" + moved.port());

            assertThat(hub.proxy().post("/v1/messages", BODY, "x-api-key", key).status()).isEqualTo(200);
            assertThat(moved.refused()).as("the stored password, not the mask, reached the proxy").isZero();
            assertThat(moved.seen()).anyMatch(s -> s.contains(":" + upstream.port()));
        }
    }

    @Test
    void aMaskedPasswordWithNoStoredPasswordIsRefusedNamingTheField() {
        Http.Answer a = hub.admin("POST", "/api/v1/providers", Map.of("name", "masked-new", "type", "claude",
                "baseUrl", upstream.baseUrl(), "secret", "sk-masked-0123456789",
                "proxyUrl", "http://carol:****@127.0.0.1:3128"));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body()).contains("proxyUrl").contains("real password");
    }

    @Test
    void theJvmWideSelectorNeverRoutesDatabaseOrRedisSockets() {
        ProxySelector selector = ProxySelector.getDefault();
        assertThat(selector.select(URI.create("socket://127.0.0.1:5432"))).containsExactly(java.net.Proxy.NO_PROXY);
        assertThat(selector.select(URI.create("socket://127.0.0.1:6379"))).containsExactly(java.net.Proxy.NO_PROXY);
        assertThat(selector.select(URI.create("http://127.0.0.1:80"))).containsExactly(java.net.Proxy.NO_PROXY);
    }
}
