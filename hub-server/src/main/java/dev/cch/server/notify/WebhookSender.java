package dev.cch.server.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.server.pipeline.Redactor;

import dev.cch.server.upstream.http.OutboundHttp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Posts one shaped notification and judges the answer. Chat platforms answer HTTP 200 with an error code in the
 * body when they refuse a message (bad signature, unknown chat), so the body is read too.
 */
public final class WebhookSender {
    /** Enough of an answer for the platform's error code; the rest is not needed. */
    private static final int MAX_ANSWER = 64 * 1024;
    private static final Map<String, String> HEADERS = Map.of("content-type", "application/json; charset=utf-8",
            "user-agent", "claude-code-hub-java");

    private final OutboundHttp http;
    private final ObjectMapper mapper;

    /**
     * What one attempt achieved.
     *
     * @param retryable whether trying again later could help (network trouble, 5xx, 429)
     */
    public record Result(boolean delivered, Integer status, long latencyMs, String message, boolean retryable) {
    }

    /** @param http refuses internal targets at connect when {@code hub.providers.block-private-addresses} is on */
    public WebhookSender(ObjectMapper mapper, OutboundHttp http) {
        this.mapper = mapper;
        this.http = http;
    }

    public Result send(Channels.Outgoing out, String secret) {
        long t0 = System.nanoTime();
        try {
            OutboundHttp.Answer r = http.post(out.uri(), HEADERS, out.body(), MAX_ANSWER);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            int status = r.status();
            String body = new String(r.body(), StandardCharsets.UTF_8);
            if (status / 100 != 2) {
                return new Result(false, status, ms, "HTTP " + status + detail(body, secret), status >= 500 || status == 429);
            }
            String refusal = refusal(body);
            if (refusal != null) {
                return new Result(false, status, ms, "refused: " + Redactor.redact(refusal, secret), false);
            }
            return new Result(true, status, ms, "HTTP " + status, false);
        } catch (IOException e) {
            long ms = (System.nanoTime() - t0) / 1_000_000;
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
            return new Result(false, null, ms, Redactor.redact(m, secret), true);
        }
    }

    /** The platform's own error in a 2xx answer: DingTalk/WeCom {@code errcode}, Feishu {@code code}, Telegram {@code ok}. */
    private String refusal(String body) {
        if (body.isBlank() || body.charAt(0) != '{') {
            return null;
        }
        try {
            JsonNode n = mapper.readTree(body);
            if (n.path("errcode").asInt(0) != 0) {
                return n.path("errcode").asText() + " " + n.path("errmsg").asText();
            }
            if (n.path("code").isInt() && n.path("code").asInt() != 0) {
                return n.path("code").asText() + " " + n.path("msg").asText();
            }
            if (n.path("ok").isBoolean() && !n.path("ok").asBoolean()) {
                return n.path("description").asText("not ok");
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String detail(String body, String secret) {
        return body.isBlank() ? "" : ": " + Redactor.truncate(Redactor.redact(body.strip(), secret), 200);
    }
}
