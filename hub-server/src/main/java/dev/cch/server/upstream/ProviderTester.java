package dev.cch.server.upstream;

import dev.cch.protocol.ProviderType;
import dev.cch.protocol.admin.ProviderTestResult;
import dev.cch.server.pipeline.Headers;
import dev.cch.server.pipeline.Redactor;
import dev.cch.server.providers.Provider;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * "Test connection": one tiny non-streaming request in the provider's own protocol, through the same transport,
 * outbound proxy and credentials as real traffic, classified into a verdict an admin can act on.
 */
public final class ProviderTester {
    private static final Duration SLOW = Duration.ofSeconds(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final UpstreamTransport transport;

    public ProviderTester(UpstreamTransport transport) {
        this.transport = transport;
    }

    /** @param model the model to ask for, or null for a cheap default of the provider's type */
    public ProviderTestResult test(Provider p, String model) {
        String m = model == null || model.isBlank() ? defaultModel(p.type()) : model.trim();
        byte[] body = body(p.type(), m).getBytes(StandardCharsets.UTF_8);
        Headers headers = OutboundHeaders.build(new Headers().add("content-type", "application/json"), p.type().protocol(), p);
        URI uri = URI.create(UpstreamUrl.join(p.baseUrl(), path(p.type(), m), null));
        long start = System.nanoTime();
        UpstreamResult result = transport.send(new UpstreamRequest(p, uri, headers, body, false, TIMEOUT));
        return switch (result) {
            case UpstreamResult.Failed f -> new ProviderTestResult("unreachable", null, millis(start), m,
                    f.kind().name().toLowerCase() + ": " + Redactor.redact(f.message(), p.secret().reveal()));
            case UpstreamResult.Received r -> received(r.response(), p, m, start);
        };
    }

    private static ProviderTestResult received(UpstreamResponse response, Provider p, String model, long start) {
        try (response; InputStream in = response.body()) {
            String text = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            long ms = millis(start);
            int s = response.status();
            String verdict = s >= 200 && s < 300 ? (ms > SLOW.toMillis() ? "slow" : "ok")
                    : s == 401 || s == 403 ? "auth" : s == 429 ? "rate_limited" : "error";
            String message = verdict.equals("ok") || verdict.equals("slow") ? "answered in " + ms + " ms"
                    : Redactor.truncate(Redactor.redact(text, p.secret().reveal()), 300);
            return new ProviderTestResult(verdict, s, ms, model, message);
        } catch (IOException | RuntimeException e) {
            return new ProviderTestResult("error", response.status(), millis(start), model,
                    "the answer could not be read: " + e.getMessage());
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    static String defaultModel(ProviderType type) {
        return switch (type) {
            case CLAUDE, CLAUDE_AUTH -> "claude-haiku-4-5";
            case OPENAI_COMPATIBLE, CODEX -> "gpt-5-mini";
            case GEMINI, GEMINI_CLI -> "gemini-2.5-flash";
        };
    }

    static String path(ProviderType type, String model) {
        return switch (type) {
            case CLAUDE, CLAUDE_AUTH -> "/v1/messages";
            case OPENAI_COMPATIBLE -> "/v1/chat/completions";
            case CODEX -> "/v1/responses";
            case GEMINI -> "/v1beta/models/" + model + ":generateContent";
            case GEMINI_CLI -> "/v1internal:generateContent";
        };
    }

    static String body(ProviderType type, String model) {
        String m = model.replace("\\", "\\\\").replace("\"", "\\\"");
        String gemini = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"ping\"}]}],"
                + "\"generationConfig\":{\"maxOutputTokens\":1}}";
        return switch (type) {
            case CLAUDE, CLAUDE_AUTH -> "{\"model\":\"" + m + "\",\"max_tokens\":1,"
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}";
            case OPENAI_COMPATIBLE -> "{\"model\":\"" + m + "\",\"max_tokens\":1,"
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}";
            case CODEX -> "{\"model\":\"" + m + "\",\"max_output_tokens\":16,\"input\":\"ping\"}";
            case GEMINI -> gemini;
            case GEMINI_CLI -> "{\"model\":\"" + m + "\",\"request\":" + gemini + "}";
        };
    }
}
