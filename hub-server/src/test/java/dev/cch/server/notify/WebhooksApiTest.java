package dev.cch.server.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.server.testing.FakeReceiver;
import dev.cch.server.testing.Http;
import dev.cch.server.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/webhooks} on a real hub: targets are created, read, replaced and deleted with their secrets
 * write-only, bad input is named field by field, and the test button reaches a loopback receiver in each
 * channel's own shape (DingTalk and Feishu signatures checked by recomputing them).
 */
class WebhooksApiTest {
    static final String DING_SECRET = "SECdingtalk-signing-secret-0123456789";
    static final String BOT_TOKEN = "123456:telegram-bot-token-abcdefghij";
    static TestHub hub;
    static FakeReceiver receiver;

    @BeforeAll
    static void start() {
        receiver = FakeReceiver.start();
        hub = TestHub.start(Map.of("hub.notify.telegram.url", receiver.url("/telegram"), "hub.notify.retry.ms", "10"));
    }

    @AfterAll
    static void stop() {
        hub.close();
        receiver.close();
    }

    static Map<String, Object> webhook(String name, String kind, String path) {
        Map<String, Object> w = new HashMap<>();
        w.put("name", name);
        w.put("kind", kind);
        w.put("url", receiver.url(path));
        w.put("events", List.of("breaker_open"));
        return w;
    }

    static long create(Map<String, Object> w) {
        return TestHub.expect(hub.admin("POST", "/api/v1/webhooks", w), 201).path("id").asLong();
    }

    static JsonNode test(long id) {
        return TestHub.expect(hub.admin("POST", "/api/v1/webhooks/" + id + "/test", null), 200);
    }

    @Test
    void targetsAreCreatedReadReplacedAndDeletedWithTheSecretNeverShown() {
        Map<String, Object> w = webhook("ops-dingtalk", "dingtalk", "/crud?access_token=t");
        w.put("secret", DING_SECRET);
        w.put("events", List.of("breaker_open", "spend_alert"));
        w.put("spendThreshold", 0.9);
        JsonNode created = TestHub.expect(hub.admin("POST", "/api/v1/webhooks", w), 201);
        long id = created.path("id").asLong();
        assertThat(created.path("hasSecret").asBoolean()).isTrue();
        assertThat(created.path("events")).hasSize(2);
        assertThat(created.path("spendThreshold").decimalValue()).isEqualByComparingTo("0.9");
        assertThat(created.path("dailyAt").asText()).isEqualTo("09:00");
        assertThat(created.path("enabled").asBoolean()).isTrue();

        Http.Answer one = hub.admin("GET", "/api/v1/webhooks/" + id, null);
        Http.Answer list = hub.admin("GET", "/api/v1/webhooks", null);
        assertThat(one.json().path("name").asText()).isEqualTo("ops-dingtalk");
        assertThat(list.json().path("items").findValuesAsText("name")).contains("ops-dingtalk");
        assertThat(created.toString() + one.body() + list.body()).doesNotContain(DING_SECRET).doesNotContain("SECding");
        assertThat(hub.db().number("SELECT count(*) FROM webhooks WHERE id = " + id
                + " AND position('SECding' in encode(secret_ciphertext, 'escape')) = 0")).isEqualTo(1);

        // a replace without a secret keeps it; an empty secret removes it
        w.remove("secret");
        w.put("name", "ops-dingtalk-renamed");
        JsonNode kept = TestHub.expect(hub.admin("PUT", "/api/v1/webhooks/" + id, w), 200);
        assertThat(kept.path("name").asText()).isEqualTo("ops-dingtalk-renamed");
        assertThat(kept.path("hasSecret").asBoolean()).isTrue();
        w.put("secret", "");
        assertThat(TestHub.expect(hub.admin("PUT", "/api/v1/webhooks/" + id, w), 200).path("hasSecret").asBoolean()).isFalse();

        assertThat(hub.db().number("SELECT count(*) FROM audit_log WHERE action LIKE 'webhook.%' AND target_id = '" + id + "'"))
                .isEqualTo(3);
        assertThat(hub.db().number("SELECT count(*) FROM audit_log WHERE position('SECding' in coalesce(after_value::text, '')) > 0"))
                .isZero();

        assertThat(hub.admin("DELETE", "/api/v1/webhooks/" + id, null).status()).isEqualTo(204);
        assertThat(hub.admin("GET", "/api/v1/webhooks/" + id, null).status()).isEqualTo(404);
        assertThat(hub.admin("POST", "/api/v1/webhooks/" + id + "/test", null).status()).isEqualTo(404);
        assertThat(hub.admin("DELETE", "/api/v1/webhooks/" + id, null).status()).isEqualTo(404);
    }

    @Test
    void badTargetsAreRefusedFieldByField() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("name", "bad");
        bad.put("kind", "slack");
        bad.put("url", "ftp://example.invalid/x");
        bad.put("events", List.of("breaker_open", "sunrise"));
        bad.put("spendThreshold", 1.5);
        bad.put("dailyAt", "25:00");
        Http.Answer a = hub.admin("POST", "/api/v1/webhooks", bad);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("kind", "url", "events[1]", "spendThreshold", "dailyAt");

        Http.Answer telegram = hub.admin("POST", "/api/v1/webhooks", Map.of("name", "tg", "kind", "telegram"));
        assertThat(telegram.status()).isEqualTo(400);
        assertThat(telegram.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("secret", "chatId");

        assertThat(hub.admin("POST", "/api/v1/webhooks", Map.of("name", "x", "kind", "json", "colour", "red")).status())
                .isEqualTo(400);
        assertThat(hub.db().number("SELECT count(*) FROM webhooks WHERE name IN ('bad', 'tg', 'x')")).isZero();
    }

    @Test
    void dingTalkMessagesAreMarkdownAndCarryAVerifiableSignature() throws Exception {
        Map<String, Object> w = webhook("ding", "dingtalk", "/ding/robot/send?access_token=abc");
        w.put("secret", DING_SECRET);
        JsonNode result = test(create(w));
        assertThat(result.path("delivered").asBoolean()).isTrue();
        assertThat(result.path("status").asInt()).isEqualTo(200);

        FakeReceiver.Received r = receiver.await(1, x -> x.path().equals("/ding/robot/send")).getFirst();
        Map<String, String> q = query(r.query());
        assertThat(q.get("access_token")).isEqualTo("abc");
        String timestamp = q.get("timestamp");
        assertThat(Long.parseLong(timestamp)).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));
        assertThat(q.get("sign")).isEqualTo(hmac(DING_SECRET, timestamp + "\n" + DING_SECRET));
        JsonNode body = r.json();
        assertThat(body.path("msgtype").asText()).isEqualTo("markdown");
        assertThat(body.path("markdown").path("title").asText()).isEqualTo("Test notification from Claude Code Hub");
        assertThat(body.path("markdown").path("text").asText()).startsWith("### Test notification").contains("- Target: ding");
        assertThat(r.text()).doesNotContain(DING_SECRET);
    }

    @Test
    void feishuMessagesArePostsSignedWithTheSecret() throws Exception {
        Map<String, Object> w = webhook("feishu", "feishu", "/feishu/hook");
        w.put("secret", "feishu-secret-xyz");
        assertThat(test(create(w)).path("delivered").asBoolean()).isTrue();
        JsonNode body = receiver.await(1, x -> x.path().equals("/feishu/hook")).getFirst().json();
        assertThat(body.path("msg_type").asText()).isEqualTo("post");
        JsonNode post = body.path("content").path("post").path("zh_cn");
        assertThat(post.path("title").asText()).isEqualTo("Test notification from Claude Code Hub");
        assertThat(post.path("content").get(0).get(0).path("tag").asText()).isEqualTo("text");
        assertThat(post.path("content").get(0).get(0).path("text").asText()).isEqualTo("Target: feishu");
        assertThat(body.path("sign").asText()).isEqualTo(hmac(body.path("timestamp").asText() + "\nfeishu-secret-xyz", ""));
    }

    @Test
    void wecomJsonAndTelegramMessagesHaveTheirOwnShapes() {
        assertThat(test(create(webhook("wecom", "wecom", "/wecom/hook"))).path("delivered").asBoolean()).isTrue();
        JsonNode wecom = receiver.await(1, x -> x.path().equals("/wecom/hook")).getFirst().json();
        assertThat(wecom.path("msgtype").asText()).isEqualTo("markdown");
        assertThat(wecom.path("markdown").path("content").asText()).startsWith("### Test notification").contains("> Target: wecom");

        assertThat(test(create(webhook("generic", "json", "/json/hook"))).path("delivered").asBoolean()).isTrue();
        FakeReceiver.Received generic = receiver.await(1, x -> x.path().equals("/json/hook")).getFirst();
        assertThat(generic.header("content-type")).startsWith("application/json");
        assertThat(generic.json().path("event").asText()).isEqualTo("test");
        assertThat(generic.json().path("title").asText()).isEqualTo("Test notification from Claude Code Hub");
        assertThat(generic.json().path("data").path("target").asText()).isEqualTo("generic");
        assertThat(generic.json().path("at").asText()).isNotEmpty();

        Map<String, Object> tg = new HashMap<>(Map.of("name", "tg", "kind", "telegram", "secret", BOT_TOKEN,
                "chatId", "-100123", "events", List.of("daily_leaderboard")));
        long id = create(tg);
        assertThat(test(id).path("delivered").asBoolean()).isTrue();
        FakeReceiver.Received sent = receiver.await(1, x -> x.path().startsWith("/telegram/")).getFirst();
        assertThat(sent.path()).isEqualTo("/telegram/bot" + BOT_TOKEN + "/sendMessage");
        assertThat(sent.json().path("chat_id").asText()).isEqualTo("-100123");
        assertThat(sent.json().path("text").asText()).startsWith("Test notification from Claude Code Hub\n\n");
        // replacing a Telegram target without its token keeps the token
        tg.remove("secret");
        assertThat(TestHub.expect(hub.admin("PUT", "/api/v1/webhooks/" + id, tg), 200).path("hasSecret").asBoolean()).isTrue();
        assertThat(hub.admin("GET", "/api/v1/webhooks/" + id, null).body()).doesNotContain(BOT_TOKEN);
    }

    @Test
    void aTestAgainstAFailingTargetReportsItsStatusAndRecordsTheResult() {
        try (FakeReceiver failing = FakeReceiver.start()) {
            failing.failNext(1, 503);
            long id = create(Map.of("name", "down", "kind", "json", "url", failing.url("/down")));
            JsonNode result = test(id);
            assertThat(result.path("delivered").asBoolean()).isFalse();
            assertThat(result.path("status").asInt()).isEqualTo(503);
            assertThat(result.path("message").asText()).contains("HTTP 503");
            assertThat(result.path("latencyMs").asLong()).isNotNegative();
            assertThat(failing.received()).hasSize(1);
            JsonNode view = TestHub.expect(hub.admin("GET", "/api/v1/webhooks/" + id, null), 200);
            assertThat(view.path("lastResult").asText()).startsWith("failure: HTTP 503");
            assertThat(view.path("lastSentAt").asText()).isNotEmpty();

            // a chat platform refusing the message in a 200 answer is not a delivery
            failing.answer(200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}");
            JsonNode refused = test(id);
            assertThat(refused.path("delivered").asBoolean()).isFalse();
            assertThat(refused.path("message").asText()).contains("sign not match");

            failing.answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
            assertThat(test(id).path("delivered").asBoolean()).isTrue();
            assertThat(TestHub.expect(hub.admin("GET", "/api/v1/webhooks/" + id, null), 200).path("lastResult").asText())
                    .startsWith("success: HTTP 200");
        }
    }

    static Map<String, String> query(String raw) {
        return Arrays.stream(raw.split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    static String hmac(String key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }
}
