package dev.cch.server.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.server.testing.Http;
import dev.cch.server.testing.TestHub;
import dev.cch.testkit.FakeUpstream;
import dev.cch.testkit.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Token counting, model lists, the four ways to present a key, and what coding tools send, end to end. */
class ClientEndpointsTest {
    static TestHub hub;
    static FakeUpstream upstream;
    static String claudeKey;
    static String openAiOnlyKey;
    static String geminiKey;
    static String codexKey;

    @BeforeAll
    static void start() {
        upstream = FakeUpstream.start("endpoints");
        hub = TestHub.start(Map.of("hub.failover.delay.ms", "0"));
        claudeKey = keyFor("c-claude", "claude", List.of());
        openAiOnlyKey = keyFor("c-openai", "openai-compatible", List.of(Map.of("match", "exact", "pattern", "gpt-5.1")));
        geminiKey = keyFor("c-gemini", "gemini", List.of());
        codexKey = keyFor("c-codex", "codex", List.of());
    }

    static String keyFor(String group, String type, List<Map<String, Object>> allowed) {
        hub.createProvider(group, type, upstream.baseUrl(), p -> {
            p.put("groupTags", List.of(group));
            p.put("allowedModels", allowed);
            return p;
        });
        return hub.createKey(Map.of("userId", hub.createUser(Map.of("name", "u-" + group, "providerGroup", group)), "name", group));
    }

    @AfterAll
    static void stop() {
        hub.close();
        upstream.close();
    }

    static final String COUNT = "{\"model\":\"claude-sonnet-4-5\",\"messages\":[{\"role\":\"user\",\"content\":\"count these words please\"}]}";

    @Test
    void countTokensGoesToAClaudeProvider() {
        Http.Answer a = hub.proxy().post("/v1/messages/count_tokens", COUNT, "x-api-key", claudeKey);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("input_tokens").asLong()).isEqualTo(COUNT.length() / 4);
        assertThat(a.json().has("estimated")).isFalse();
        assertThat(upstream.lastRequest().path()).isEqualTo("/v1/messages/count_tokens");
        Map<String, Object> row = hub.logRow(a.header("x-cch-request-id"));
        assertThat(row.get("endpoint")).isEqualTo("count_tokens");
        assertThat((java.math.BigDecimal) row.get("cost_usd")).isZero();
    }

    @Test
    void countTokensIsEstimatedWhenOnlyOtherProtocolsAreAvailable() {
        Http.Answer a = hub.proxy().post("/v1/messages/count_tokens", COUNT.replace("claude-sonnet-4-5", "gpt-5.1"),
                "x-api-key", openAiOnlyKey);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("input_tokens").asLong()).isPositive();
        assertThat(a.json().path("estimated").asBoolean()).isTrue();
        assertThat(a.header("x-cch-token-count")).isEqualTo("estimate");
    }

    @Test
    void geminiCountTokensIsNativeOrEstimated() {
        String body = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"how many tokens is this\"}]}]}";
        Http.Answer native_ = hub.proxy().post("/v1beta/models/gemini-2.5-flash:countTokens?key=" + geminiKey, body);
        assertThat(native_.status()).isEqualTo(200);
        assertThat(native_.json().path("totalTokens").asLong()).isPositive();
        assertThat(native_.json().has("estimated")).isFalse();
        Http.Answer estimated = hub.proxy().post("/v1beta/models/claude-sonnet-4-5:countTokens", body, "x-goog-api-key", claudeKey);
        assertThat(estimated.json().path("totalTokens").asLong()).isPositive();
        assertThat(estimated.json().path("estimated").asBoolean()).isTrue();
    }

    @Test
    void modelListsAreShapedForTheCallersProtocol() {
        JsonNode anthropic = hub.proxy().get("/v1/models", "x-api-key", claudeKey, "anthropic-version", "2023-06-01").json();
        assertThat(anthropic.path("data").findValuesAsText("id")).contains("claude-sonnet-4-5", "claude-haiku-4-5");
        assertThat(anthropic.path("data").get(0).path("type").asText()).isEqualTo("model");
        assertThat(anthropic.path("has_more").asBoolean()).isFalse();

        JsonNode openai = hub.proxy().get("/v1/models", "authorization", "Bearer " + openAiOnlyKey).json();
        assertThat(openai.path("object").asText()).isEqualTo("list");
        assertThat(openai.path("data").findValuesAsText("id")).containsExactly("gpt-5.1");
        assertThat(openai.path("data").get(0).path("owned_by").asText()).isEqualTo("openai");

        JsonNode gemini = hub.proxy().get("/v1beta/models?key=" + claudeKey).json();
        assertThat(gemini.path("models").get(0).path("name").asText()).startsWith("models/claude-");

        Http.Answer refused = hub.proxy().get("/v1/models", "anthropic-version", "2023-06-01");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("error").path("type").asText()).isEqualTo("authentication_error");
    }

    @Test
    void aUserLimitedToSomeModelsIsListedOnlyThose() {
        long user = hub.createUser(Map.of("name", "u-limited", "providerGroup", "c-claude",
                "allowedModels", List.of("claude-sonnet-4-5")));
        String key = hub.createKey(Map.of("userId", user, "name", "limited"));
        JsonNode all = hub.proxy().get("/v1/models", "x-api-key", claudeKey, "anthropic-version", "2023-06-01").json();
        assertThat(all.path("data").size()).isGreaterThan(1);
        JsonNode limited = hub.proxy().get("/v1/models", "x-api-key", key, "anthropic-version", "2023-06-01").json();
        assertThat(limited.path("data")).extracting(m -> m.path("id").asText()).containsExactly("claude-sonnet-4-5");
    }

    @Test
    void geminiSchemaConstrainedRequestsPassThroughUntouched() {
        String body = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"list two colours\"}]}],"
                + "\"generationConfig\":{\"responseMimeType\":\"application/json\",\"responseSchema\":{\"type\":\"ARRAY\",\"items\":{\"type\":\"STRING\"}}}}";
        Http.Answer a = hub.proxy().post("/v1beta/models/gemini-2.5-flash:generateContent", body, "x-goog-api-key", geminiKey);
        assertThat(a.status()).isEqualTo(200);
        RecordedRequest r = upstream.lastRequest();
        assertThat(r.path()).isEqualTo("/v1beta/models/gemini-2.5-flash:generateContent");
        assertThat(r.bodyText()).isEqualTo(body);
        assertThat(r.header("x-goog-api-key")).startsWith("sk-upstream-c-gemini");
    }

    @Test
    void codexSessionHeadersAndPromptCacheKeyReachTheProvider() {
        String body = "{\"model\":\"gpt-5.1-codex\",\"input\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"hi\"}]}],"
                + "\"prompt_cache_key\":\"conv-123\",\"store\":false}";
        Http.Answer a = hub.proxy().post("/v1/responses", body, "authorization", "Bearer " + codexKey, "session_id", "conv-123",
                "originator", "codex_cli_rs", "user-agent", "codex_cli_rs/0.63.0");
        assertThat(a.status()).isEqualTo(200);
        RecordedRequest r = upstream.lastRequest();
        assertThat(r.header("session_id")).isEqualTo("conv-123");
        assertThat(r.header("originator")).isEqualTo("codex_cli_rs");
        assertThat(r.bodyText()).isEqualTo(body);
        assertThat(r.header("authorization")).isEqualTo("Bearer sk-upstream-c-codex-0123456789abcdef");
        assertThat(hub.logRow(a.header("x-cch-request-id")).get("session_id")).isEqualTo("conv-123");
    }

    @Test
    void claudeCodeSystemEntriesInsideMessagesPassThrough() {
        String body = "{\"model\":\"claude-sonnet-4-5\",\"messages\":[{\"role\":\"system\",\"content\":\"<system-reminder>x</system-reminder>\"},"
                + "{\"role\":\"user\",\"content\":\"hi\"}],\"metadata\":{\"user_id\":\"user_1_account__session_0f0f0f0f-1111-2222-3333-444444444444\"}}";
        assertThat(hub.proxy().post("/v1/messages?beta=true", body, "x-api-key", claudeKey, "anthropic-beta", "fine-grained-tool-streaming-2025-05-14").status()).isEqualTo(200);
        RecordedRequest r = upstream.lastRequest();
        assertThat(r.bodyText()).isEqualTo(body);
        assertThat(r.query()).isEqualTo("beta=true");
        assertThat(r.header("anthropic-beta")).isEqualTo("fine-grained-tool-streaming-2025-05-14");
    }

    @Test
    void unknownEndpointsAnswer404InTheCallersShape() {
        Http.Answer openai = hub.proxy().post("/v1/embeddings-of-nothing", "{}", "authorization", "Bearer " + claudeKey);
        assertThat(openai.status()).isEqualTo(404);
        assertThat(openai.json().path("error").path("message").asText()).contains("/v1/embeddings-of-nothing");
        Http.Answer gemini = hub.proxy().post("/v1beta/tunedModels", "{}");
        assertThat(gemini.json().path("error").path("status").asText()).isEqualTo("NOT_FOUND");
    }
}
