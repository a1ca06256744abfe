package dev.cch.server;

import dev.cch.server.testing.Http;
import dev.cch.server.testing.TestHub;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** /health reports database and state store; readiness turns false when the hub starts to stop. */
class HealthTest {

    @Test
    void healthReportsChecksAndReadiness() {
        try (TestHub hub = TestHub.start()) {
            Http http = new Http(hub.baseUrl());
            Http.Answer h = http.get("/health");
            assertThat(h.status()).isEqualTo(200);
            assertThat(h.json().path("status").asText()).isEqualTo("up");
            assertThat(h.json().path("checks").path("database").asText()).isEqualTo("up");
            assertThat(h.json().path("checks").path("stateStore").asText()).isEqualTo("local:up");
            assertThat(http.get("/health/ready").status()).isEqualTo(200);
            assertThat(http.get("/health/live").status()).isEqualTo(200);

            hub.server().health().ready(false);
            assertThat(http.get("/health/ready").status()).isEqualTo(503);
            assertThat(http.get("/health").json().path("ready").asBoolean()).isFalse();
        }
    }
}
