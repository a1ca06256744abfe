package dev.cch.server.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.server.pipeline.Redactor;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Posts one shaped notification and judges the answer. Chat platforms answer HTTP 200 with an error code in the
 * body when they refuse a message (bad signature, unknown chat), so the body is read too.
 */
public final class WebhookSender {
    private final HttpClient client;
    private final Duration timeout;
    private final ObjectMapper mapper;

    /**
     * What one attempt achieved.
     *
     * @param retryable whether trying again later could help (network trouble, 5xx, 429)
     */
    public record Result(boolean delivered, Integer status, long latencyMs, String message, boolean retryable) {
    }

    public WebhookSender(ObjectMapper mapper, Duration timeout) {
        this.mapper = mapper;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Result send(Channels.Outgoing out, String secret) {
        long t0 = System.nanoTime();
        HttpRequest req = HttpRequest.newBuilder(out.uri()).timeout(timeout)
                .header("content-type", "application/json; charset=utf-8")
                .header("user-agent", "claude-code-hub-java")
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.body())).build();
        try {
            HttpResponse<byte[]> r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            int status = r.statusCode();
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
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, null, (System.nanoTime() - t0) / 1_000_000, "interrupted", false);
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
