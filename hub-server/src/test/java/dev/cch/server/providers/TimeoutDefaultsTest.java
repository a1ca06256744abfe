package dev.cch.server.providers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.protocol.admin.Timeouts;
import dev.cch.server.testing.TestDatabase;
import dev.cch.server.testing.TestHub;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Provider timeouts are on unless turned off: a provider saved without them gets the shipped defaults, and providers
 * from before the defaults that had none set get them when the hub upgrades, while one with its own choices keeps them.
 */
class TimeoutDefaultsTest {

    @Test
    void aProviderSavedWithoutTimeoutsGetsTheDefaultsAndZeroStillTurnsOneOff() {
        try (TestHub hub = TestHub.start()) {
            long plain = hub.createProvider("plain", "claude", "http://127.0.0.1:9");
            JsonNode t = TestHub.expect(hub.admin("GET", "/api/v1/providers/" + plain, null), 200).path("timeouts");
            assertThat(t.path("firstByteMs").asInt()).isEqualTo(Timeouts.FIRST_BYTE_MS).isEqualTo(90_000);
            assertThat(t.path("streamingIdleMs").asInt()).isEqualTo(120_000);
            assertThat(t.path("requestMs").asInt()).isEqualTo(600_000);

            long off = hub.createProvider("off", "claude", "http://127.0.0.1:9", p -> {
                p.put("timeouts", Map.of("firstByteMs", 0));
                return p;
            });
            JsonNode o = TestHub.expect(hub.admin("GET", "/api/v1/providers/" + off, null), 200).path("timeouts");
            assertThat(o.path("firstByteMs").asInt()).isZero();
            assertThat(o.path("requestMs").asInt()).isEqualTo(600_000);
        }
    }

    @Test
    void upgradingGivesTheDefaultsToProvidersThatHadNoneAndKeepsChosenOnes() {
        try (TestDatabase db = TestDatabase.createEmpty()) {
            Flyway.configure().dataSource(db.url(), "postgres", "").locations("classpath:db/migration").target("7").load().migrate();
            db.execute("INSERT INTO providers (name, type, base_url, secret_ciphertext) VALUES ('untouched', 'claude', 'http://a', '\\x00')");
            db.execute("INSERT INTO providers (name, type, base_url, secret_ciphertext, first_byte_timeout_ms) "
                    + "VALUES ('chosen', 'claude', 'http://b', '\\x00', 5000)");
            Flyway.configure().dataSource(db.url(), "postgres", "").locations("classpath:db/migration").load().migrate();
            assertThat(db.number("SELECT first_byte_timeout_ms + streaming_idle_timeout_ms + request_timeout_ms FROM providers WHERE name = 'untouched'"))
                    .isEqualTo(90_000 + 120_000 + 600_000);
            assertThat(db.number("SELECT first_byte_timeout_ms + streaming_idle_timeout_ms + request_timeout_ms FROM providers WHERE name = 'chosen'"))
                    .isEqualTo(5_000);
        }
    }
}
