package dev.cch.server.sessions;

import dev.cch.server.json.Json;
import dev.cch.server.pipeline.Endpoint;
import dev.cch.server.pipeline.Headers;
import dev.cch.server.pipeline.ProxyRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SessionIdsTest {
    final SessionIds ids = new SessionIds(Json.newMapper());

    static ProxyRequest request(Endpoint e, String body, String... headers) {
        Headers h = new Headers();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            h.add(headers[i], headers[i + 1]);
        }
        return new ProxyRequest("r", Instant.now(), System.nanoTime(), e, null, "", h,
                body.getBytes(StandardCharsets.UTF_8), "127.0.0.1", Json.newMapper());
    }

    @Test
    void claudeCodeLegacyUserIdCarriesTheSession() {
        ProxyRequest r = request(Endpoint.MESSAGES, "{\"model\":\"m\",\"messages\":[],\"metadata\":{\"user_id\":"
                + "\"user_abc123_account_11111111-2222-3333-4444-555555555555_session_aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee\"}}");
        assertThat(ids.find(r)).isEqualTo(new SessionIds.Found("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", "metadata.user_id"));
    }

    @Test
    void claudeCodeJsonUserIdCarriesTheSession() {
        ProxyRequest r = request(Endpoint.MESSAGES, "{\"model\":\"m\",\"metadata\":{\"user_id\":"
                + "\"{\\\"device_id\\\":\\\"d1\\\",\\\"session_id\\\":\\\"s-42\\\"}\"},\"messages\":[]}");
        assertThat(ids.find(r).id()).isEqualTo("s-42");
    }

    @Test
    void headersAndCodexFieldsAreUsedInOrder() {
        assertThat(ids.find(request(Endpoint.MESSAGES, "{\"model\":\"m\"}", "x-claude-code-session-id", "h1")).id()).isEqualTo("h1");
        assertThat(ids.find(request(Endpoint.RESPONSES, "{\"model\":\"m\"}", "session_id", "codex-1")).id()).isEqualTo("codex-1");
        assertThat(ids.find(request(Endpoint.RESPONSES, "{\"model\":\"m\",\"prompt_cache_key\":\"pck\"}")).id()).isEqualTo("pck");
        assertThat(ids.find(request(Endpoint.RESPONSES, "{\"model\":\"m\",\"previous_response_id\":\"resp_9\"}")).id()).isEqualTo("resp:resp_9");
        assertThat(ids.find(request(Endpoint.GEMINI_GENERATE, "{\"request\":{\"session_id\":\"g-7\",\"contents\":[]}}")).id()).isEqualTo("g-7");
    }

    @Test
    void withoutAnIdTheFirstMessagesAreHashedStably() {
        String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"write a parser\"}]}";
        SessionIds.Found a = ids.find(request(Endpoint.MESSAGES, body));
        SessionIds.Found b = ids.find(request(Endpoint.MESSAGES, body.replace("]}", ",{\"role\":\"assistant\",\"content\":\"ok\"}]}")));
        SessionIds.Found c = ids.find(request(Endpoint.MESSAGES, body.replace("parser", "lexer")));
        assertThat(a.source()).isEqualTo("content hash");
        assertThat(a.id()).isEqualTo(b.id()).isNotEqualTo(c.id());
    }

    @Test
    void messageCountCoversEveryProtocol() {
        assertThat(request(Endpoint.MESSAGES, "{\"messages\":[{},{},{}]}").messageCount()).isEqualTo(3);
        assertThat(request(Endpoint.RESPONSES, "{\"input\":\"hi\"}").messageCount()).isEqualTo(1);
        assertThat(request(Endpoint.GEMINI_GENERATE, "{\"contents\":[{},{}]}").messageCount()).isEqualTo(2);
        assertThat(request(Endpoint.GEMINI_GENERATE, "{\"model\":\"x\",\"request\":{\"contents\":[{}]}}").messageCount()).isEqualTo(1);
    }
}
