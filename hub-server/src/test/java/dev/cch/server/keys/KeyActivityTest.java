package dev.cch.server.keys;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.protocol.admin.KeyView;
import dev.cch.protocol.admin.Limits;
import dev.cch.protocol.admin.Role;
import dev.cch.protocol.admin.UserView;
import dev.cch.server.json.Json;
import dev.cch.server.pipeline.Endpoint;
import dev.cch.server.pipeline.Exchange;
import dev.cch.server.pipeline.Headers;
import dev.cch.server.pipeline.Principal;
import dev.cch.server.pipeline.ProxyRequest;
import dev.cch.server.testing.MutableClock;
import dev.cch.server.testing.TestHub;
import dev.cch.testkit.FakeUpstream;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A key's last use is kept, coalesced: one write per key per flush however many requests it made. */
class KeyActivityTest {
    final MutableClock clock = MutableClock.atNow();

    static Exchange exchangeOf(long keyId) {
        ProxyRequest r = new ProxyRequest("r", Instant.now(), 0, Endpoint.MESSAGES, null, "", new Headers(), new byte[0],
                "127.0.0.1", Json.newMapper());
        Exchange ex = new Exchange(r);
        ex.principal(new Principal(new KeyView(keyId, 1, "k", "cch-x", "default", Limits.NONE, true, null, null, null, null, null),
                new UserView(1, "u", "", Role.USER, "default", List.of(), Limits.NONE, List.of(), List.of(), List.of(), true,
                        null, null, null, null)));
        return ex;
    }

    @Test
    void hundredsOfRequestsMakeOneWritePerKeyWithItsLatestUse() {
        Map<Long, Instant> written = new LinkedHashMap<>();
        List<Long> writes = new ArrayList<>();
        try (KeyActivity activity = new KeyActivity((id, at) -> {
            writes.add(id);
            written.put(id, at);
        }, clock, 0)) {
            for (int i = 0; i < 300; i++) {
                clock.advance(Duration.ofMillis(10));
                activity.finished(exchangeOf(i % 2 == 0 ? 7 : 8), null);
            }
            Instant last = clock.instant();
            assertThat(activity.flush()).isEqualTo(2);
            assertThat(writes).containsExactlyInAnyOrder(7L, 8L);
            assertThat(written.get(8L)).isEqualTo(last);
            assertThat(activity.flush()).as("nothing new since").isZero();
        }
    }

    @Test
    void aWriteThatFailsIsKeptForTheNextFlush() {
        List<Long> writes = new ArrayList<>();
        boolean[] down = {true};
        try (KeyActivity activity = new KeyActivity((id, at) -> {
            if (down[0]) {
                throw new IllegalStateException("database away");
            }
            writes.add(id);
        }, clock, 0)) {
            activity.finished(exchangeOf(7), null);
            assertThat(activity.flush()).isZero();
            down[0] = false;
            assertThat(activity.flush()).isEqualTo(1);
            assertThat(writes).containsExactly(7L);
        }
    }

    @Test
    void theAdminApiShowsWhenAKeyWasLastUsed() {
        try (FakeUpstream upstream = FakeUpstream.start("key-activity"); TestHub hub = TestHub.start()) {
            hub.createProvider("key-activity", "claude", upstream.baseUrl());
            long user = hub.createUser("key-activity-user");
            JsonNode created = TestHub.expect(hub.admin("POST", "/api/v1/keys", Map.of("userId", user, "name", "k")), 201);
            long id = created.path("key").path("id").asLong();
            assertThat(created.path("key").path("lastUsedAt").isNull()).isTrue();
            for (int i = 0; i < 5; i++) {
                assertThat(hub.proxy().post("/v1/messages", Map.of("model", "claude-sonnet-4-5", "max_tokens", 8,
                        "messages", List.of(Map.of("role", "user", "content", "hi"))), "x-api-key", created.path("secret").asText())
                        .status()).isEqualTo(200);
            }
            org.awaitility.Awaitility.await("the requests finished").atMost(Duration.ofSeconds(10))
                    .until(() -> hub.server().parts().inFlight().count() == 0);
            hub.resource(KeyActivity.class).flush();
            JsonNode key = TestHub.expect(hub.admin("GET", "/api/v1/keys/" + id, null), 200);
            assertThat(key.path("lastUsedAt").asText()).isNotEmpty();
            assertThat(Instant.parse(key.path("lastUsedAt").asText())).isBefore(Instant.now().plusSeconds(1));
        }
    }
}
