package dev.cch.server.requestlog;

import dev.cch.server.testing.Http;
import dev.cch.server.testing.TestHub;
import dev.cch.testkit.Behaviour;
import dev.cch.testkit.FakeUpstream;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests carrying bytes PostgreSQL cannot store (NUL, lone surrogates) or should not (CR/LF, a 100 KB model name)
 * through the real hub: each still becomes a row, sanitised, and so does every request after it. Once, a single
 * {@code "model":"x\u0000"} made PostgreSQL reject its batch and silently stalled the books behind it.
 */
class HostileRowsTest {
    static final String NUL = "x\\u0000";
    static final String CRLF = "a\\r\\nb\\u001b[31m";
    static final String LONE_SURROGATE = "y\\ud800z";
    static final String HUGE = "m".repeat(100_000);

    @Test
    void hostileModelNamesAreLoggedSanitisedAndDoNotBlockLaterRows() {
        try (FakeUpstream upstream = FakeUpstream.start("hostile"); TestHub hub = TestHub.start()) {
            upstream.defaultBehaviour(Behaviour.ok());
            hub.createProvider("hostile-claude", "claude", upstream.baseUrl());
            String key = hub.userWithKey("hostile-user");
            List<String> ids = new ArrayList<>();
            ids.add(send(hub, "not-a-key", NUL, 401));
            for (String model : List.of(NUL, CRLF, LONE_SURROGATE, HUGE)) {
                ids.add(send(hub, key, model, -1));
            }
            ids.add(send(hub, key, "claude-sonnet-4-5", 200));

            List<Map<String, Object>> rows = new ArrayList<>();
            for (String id : ids) {
                rows.add(hub.logRow(id));
            }
            for (Map<String, Object> row : rows.subList(1, rows.size())) {
                String model = (String) row.get("model");
                assertThat(model).doesNotContain("\u0000", "\r", "\n", "\u001b").hasSizeLessThanOrEqualTo(RowText.MODEL);
                assertThat(model.chars().noneMatch(c -> Character.isSurrogate((char) c))).as(model).isTrue();
            }
            assertThat(rows.get(0).get("model")).as("a request without a valid key: its body is never read").isNull();
            assertThat(rows.get(1).get("model")).isEqualTo("x\uFFFD");
            assertThat(rows.get(0).get("status_code")).isEqualTo(401);
            assertThat(rows.get(3).get("model")).isEqualTo("y\uFFFDz");
            assertThat((String) rows.get(4).get("model")).startsWith("mmmm");
            assertThat(rows.get(5).get("status_code")).isEqualTo(200);
            assertThat(hub.db().number("SELECT count(*) FROM request_log")).isEqualTo(ids.size());
            assertThat(hub.server().parts().requestLog().quarantinedRows()).isZero();
        }
    }

    /** Posts a body whose model is the given JSON string literal content; returns the request id the hub answered. */
    static String send(TestHub hub, String key, String model, int expectedStatus) {
        String body = "{\"model\":\"" + model + "\",\"max_tokens\":8,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        Http.Answer a = hub.proxy().post("/v1/messages", body, "x-api-key", key, "anthropic-version", "2023-06-01");
        if (expectedStatus > 0) {
            assertThat(a.status()).as(a.body()).isEqualTo(expectedStatus);
        }
        assertThat(a.status()).as(a.body()).isLessThan(500);
        String id = a.header("x-cch-request-id");
        assertThat(id).as("request id of " + a.status()).isNotNull();
        return id;
    }
}
