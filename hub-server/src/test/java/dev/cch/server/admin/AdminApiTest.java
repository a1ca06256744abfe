package dev.cch.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.server.testing.Http;
import dev.cch.server.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin API for users, keys and providers over real HTTP and a real database, including hostile input (control
 * characters and NUL in names, numbers past any range, timestamps PostgreSQL cannot hold): 400, never 500.
 */
class AdminApiTest {
    static TestHub hub;

    @BeforeAll
    static void start() {
        hub = TestHub.start();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void userCanBeCreatedReadReplacedAndDeleted() {
        JsonNode created = TestHub.expect(hub.admin("POST", "/api/v1/users", Map.of("name", "bob",
                "limits", Map.of("rpm", 30, "usdDaily", 12.5))), 201);
        long id = created.path("id").asLong();
        assertThat(created.path("limits").path("rpm").asInt()).isEqualTo(30);
        assertThat(created.path("limits").path("usdDaily").decimalValue()).isEqualByComparingTo("12.5");

        JsonNode read = TestHub.expect(hub.admin("GET", "/api/v1/users/" + id, null), 200);
        assertThat(read.path("name").asText()).isEqualTo("bob");

        JsonNode replaced = TestHub.expect(hub.admin("PUT", "/api/v1/users/" + id,
                Map.of("name", "bobby", "role", "admin", "enabled", false)), 200);
        assertThat(replaced.path("name").asText()).isEqualTo("bobby");
        assertThat(replaced.path("role").asText()).isEqualTo("admin");
        assertThat(replaced.path("enabled").asBoolean()).isFalse();
        assertThat(replaced.path("limits").path("rpm").isNull()).isTrue();

        assertThat(hub.admin("DELETE", "/api/v1/users/" + id, null).status()).isEqualTo(204);
        assertThat(hub.admin("GET", "/api/v1/users/" + id, null).status()).isEqualTo(404);
    }

    @Test
    void invalidUserGetsProblemJsonWithFieldErrors() {
        Http.Answer a = hub.admin("POST", "/api/v1/users", Map.of("name", "",
                "limits", Map.of("rpm", -1, "dailyResetTime", "25:99")));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.header("content-type")).isEqualTo("application/problem+json");
        List<String> fields = a.json().path("errors").findValuesAsText("field");
        assertThat(fields).containsExactlyInAnyOrder("name", "limits.rpm", "limits.dailyResetTime");
    }

    @Test
    void wrongTypeAndUnknownFieldsAreNamed() {
        Http.Answer wrongType = hub.admin("POST", "/api/v1/users", Map.of("name", "x", "limits", Map.of("rpm", "lots")));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().path("errors").get(0).path("field").asText()).isEqualTo("limits.rpm");

        Http.Answer unknown = hub.admin("POST", "/api/v1/users", Map.of("name", "x", "colour", "blue"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").get(0).path("field").asText()).isEqualTo("colour");

        Http.Answer notJson = hub.admin("POST", "/api/v1/users", "{name:");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().path("detail").asText()).contains("not valid JSON");
    }

    @Test
    void duplicateNamesConflict() {
        hub.createUser("carol");
        Http.Answer a = hub.admin("POST", "/api/v1/users", Map.of("name", "Carol"));
        assertThat(a.status()).isEqualTo(409);
        assertThat(a.json().path("detail").asText()).contains("already exists");
    }

    @Test
    void keySecretIsShownOnceAndOnlyItsHashIsStored() {
        long user = hub.createUser("dave");
        JsonNode created = TestHub.expect(hub.admin("POST", "/api/v1/keys", Map.of("userId", user, "name", "laptop")), 201);
        String secret = created.path("secret").asText();
        long id = created.path("key").path("id").asLong();
        assertThat(secret).startsWith("cch-").hasSize(44);
        assertThat(created.path("key").path("prefix").asText()).isEqualTo(secret.substring(0, 10));

        JsonNode read = TestHub.expect(hub.admin("GET", "/api/v1/keys/" + id, null), 200);
        assertThat(read.toString()).doesNotContain(secret);
        assertThat(hub.db().number("SELECT count(*) FROM api_keys WHERE key_hash = encode(sha256('" + secret + "'), 'hex')")).isEqualTo(1);
        assertThat(hub.db().number("SELECT count(*) FROM api_keys WHERE key_hash LIKE '%" + secret.substring(4) + "%'")).isZero();
    }

    @Test
    void keysListByUserWithCursorPaging() {
        long user = hub.createUser("erin");
        for (int i = 0; i < 5; i++) {
            hub.createKey(Map.of("userId", user, "name", "k" + i));
        }
        JsonNode first = TestHub.expect(hub.admin("GET", "/api/v1/keys?userId=" + user + "&limit=2", null), 200);
        assertThat(first.path("items")).hasSize(2);
        String cursor = first.path("nextCursor").asText();
        JsonNode second = TestHub.expect(hub.admin("GET", "/api/v1/keys?userId=" + user + "&limit=2&cursor=" + cursor, null), 200);
        JsonNode third = TestHub.expect(hub.admin("GET", "/api/v1/keys?userId=" + user + "&limit=2&cursor="
                + second.path("nextCursor").asText(), null), 200);
        assertThat(second.path("items").findValuesAsText("name")).containsExactly("k2", "k3");
        assertThat(third.path("items").findValuesAsText("name")).containsExactly("k4");
        assertThat(third.path("nextCursor").isNull()).isTrue();
        assertThat(hub.admin("GET", "/api/v1/keys?limit=0", null).status()).isEqualTo(400);
        assertThat(hub.admin("GET", "/api/v1/keys?cursor=@@@", null).status()).isEqualTo(400);
    }

    @Test
    void keyForAMissingUserIsRefused() {
        Http.Answer a = hub.admin("POST", "/api/v1/keys", Map.of("userId", 999999, "name", "x"));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().path("errors").get(0).path("field").asText()).isEqualTo("userId");
    }

    @Test
    void providerSecretIsEncryptedAtRestAndNeverReturned() {
        Map<String, Object> p = new HashMap<>(Map.of("name", "vault-test", "type", "claude",
                "baseUrl", "https://api.example.com", "secret", "sk-ant-very-secret-value-42",
                "proxyUrl", "socks5://user:hunter2@127.0.0.1:1080"));
        JsonNode created = TestHub.expect(hub.admin("POST", "/api/v1/providers", p), 201);
        long id = created.path("id").asLong();
        assertThat(created.toString()).doesNotContain("very-secret").doesNotContain("hunter2");
        assertThat(created.path("secretHint").asText()).isEqualTo("…e-42");
        assertThat(created.path("proxyUrl").asText()).isEqualTo("socks5://user:****@127.0.0.1:1080");
        assertThat(hub.db().number("SELECT count(*) FROM providers WHERE id = " + id
                + " AND position(convert_to('very-secret', 'UTF8') in secret_ciphertext) = 0"
                + " AND position(convert_to('hunter2', 'UTF8') in proxy_url_ciphertext) = 0")).isEqualTo(1);

        // replacing without a secret, and with the redacted proxy URL, keeps both
        Map<String, Object> update = new HashMap<>(p);
        update.remove("secret");
        update.put("proxyUrl", "socks5://user:****@127.0.0.1:1080");
        update.put("weight", 7);
        JsonNode replaced = TestHub.expect(hub.admin("PUT", "/api/v1/providers/" + id, update), 200);
        assertThat(replaced.path("secretHint").asText()).isEqualTo("…e-42");
        assertThat(replaced.path("proxyUrl").asText()).isEqualTo("socks5://user:****@127.0.0.1:1080");
        assertThat(replaced.path("weight").asInt()).isEqualTo(7);
    }

    @Test
    void invalidProviderNamesEachBadField() {
        Map<String, Object> p = new HashMap<>();
        p.put("name", "bad");
        p.put("type", "skynet");
        p.put("baseUrl", "ftp://x");
        p.put("weight", 500);
        p.put("allowedModels", List.of(Map.of("match", "regex", "pattern", "(a+)+$")));
        p.put("customHeaders", Map.of("Authorization", "x"));
        p.put("activeTimeStart", "09:00");
        Http.Answer a = hub.admin("POST", "/api/v1/providers", p);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().path("errors").findValuesAsText("field")).contains("type", "baseUrl", "weight",
                "allowedModels[0].pattern", "customHeaders.Authorization", "activeTimeEnd", "secret");
    }

    @Test
    void adminApiNeedsTheAdminToken() {
        Http http = new Http(hub.baseUrl());
        Http.Answer none = http.get("/api/v1/users");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("www-authenticate")).isEqualTo("Bearer");
        assertThat(http.get("/api/v1/users", "authorization", "Bearer nope").status()).isEqualTo(401);

        String ordinaryKey = hub.userWithKey("frank");
        assertThat(http.get("/api/v1/users", "x-api-key", ordinaryKey).status()).isEqualTo(403);

        long admin = hub.createUser(Map.of("name", "grace", "role", "admin"));
        String adminKey = hub.createKey(admin);
        assertThat(http.get("/api/v1/users", "authorization", "Bearer " + adminKey).status()).isEqualTo(200);
    }

    @Test
    void everyChangeIsAudited() {
        long before = hub.db().number("SELECT count(*) FROM audit_log");
        long id = hub.createUser("heidi");
        hub.admin("PUT", "/api/v1/users/" + id, Map.of("name", "heidi2"));
        hub.admin("DELETE", "/api/v1/users/" + id, null);
        assertThat(hub.db().number("SELECT count(*) FROM audit_log")).isEqualTo(before + 3);
        assertThat(hub.db().number("SELECT count(*) FROM audit_log WHERE action = 'user.update' AND target_id = '" + id
                + "' AND before_value->>'name' = 'heidi' AND after_value->>'name' = 'heidi2'")).isEqualTo(1);
    }

    @Test
    void unknownIdsAre404() {
        assertThat(hub.admin("GET", "/api/v1/providers/424242", null).status()).isEqualTo(404);
        assertThat(hub.admin("GET", "/api/v1/providers/abc", null).status()).isEqualTo(404);
        assertThat(hub.admin("DELETE", "/api/v1/keys/424242", null).status()).isEqualTo(404);
    }

    // hostile admin input gets a 400 problem+json naming what is wrong, never a 500
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"name\":\"eve\\r\\nX-Injected: 1\"}",
            "{\"name\":\"n\\u0000ul\"}",
            "{\"name\":\"half \\ud800\"}",
            "{\"name\":\"big\",\"limits\":{\"rpm\":1e40}}",
            "{\"name\":\"big\",\"limits\":{\"usdDaily\":1e40}}",
            "{\"name\":\"big\",\"limits\":{\"usdDaily\":-1}}",
            "{\"name\":\"desc\",\"description\":\"nul\\u0000\"}"})
    void hostileUserInputIsRefusedWith400(String body) {
        Http.Answer a = hub.admin("POST", "/api/v1/users", body);
        assertThat(a.status()).as(a.body()).isEqualTo(400);
        assertThat(a.header("content-type")).startsWith("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1000000000-01-01T00:00:00Z", "-5000-01-01T00:00:00Z", "9999999999999999999"})
    void aKeyExpiryPostgresCannotHoldIsRefusedWith400(String expiresAt) {
        long user = hub.createUser("expiry-" + Math.abs(expiresAt.hashCode()));
        String body = "{\"userId\":" + user + ",\"name\":\"k\",\"expiresAt\":\"" + expiresAt + "\"}";
        Http.Answer a = hub.admin("POST", "/api/v1/keys", body);
        assertThat(a.status()).as(a.body()).isEqualTo(400);
    }
}
