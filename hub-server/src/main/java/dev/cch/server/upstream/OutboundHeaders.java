package dev.cch.server.upstream;

import dev.cch.protocol.ClientProtocol;
import dev.cch.server.pipeline.HeaderHygiene;
import dev.cch.server.pipeline.Headers;
import dev.cch.server.providers.Provider;

import java.util.Locale;
import java.util.Set;

/**
 * The headers sent upstream: the client's own headers minus hop-by-hop, credentials, forwarding and internal ones,
 * then the provider's credentials in the form its type expects, then the provider's custom headers.
 */
public final class OutboundHeaders {
    private static final Set<String> DROPPED = Set.of("host", "content-length", "connection", "keep-alive",
            "proxy-connection", "proxy-authorization", "proxy-authenticate", "te", "trailer", "transfer-encoding",
            "upgrade", "authorization", "x-api-key", "x-goog-api-key", "cookie", "forwarded", "x-forwarded-for",
            "x-forwarded-host", "x-forwarded-proto", "x-real-ip", "accept-encoding", "content-encoding", "expect",
            "http2-settings", "origin", "referer");
    private static final String DEFAULT_ANTHROPIC_VERSION = "2023-06-01";

    private OutboundHeaders() {
    }

    /**
     * @param client         the caller's headers
     * @param clientProtocol what the caller speaks; protocol-specific client headers are kept only if the provider
     *                       speaks the same protocol
     */
    public static Headers build(Headers client, ClientProtocol clientProtocol, Provider p) {
        Headers out = new Headers();
        boolean sameProtocol = p.type().protocol() == clientProtocol;
        client.forEach((name, values) -> {
            if (DROPPED.contains(name) || name.startsWith("x-cch-") || name.startsWith("sec-")) {
                return;
            }
            if (!sameProtocol && isProtocolSpecific(name)) {
                return;
            }
            if (HeaderHygiene.safeName(name)) {
                values.stream().filter(HeaderHygiene::safeValue).forEach(v -> out.add(name, v));
            }
        });
        out.set("content-type", "application/json");
        out.set("accept-encoding", "identity");
        String secret = p.secret().reveal();
        switch (p.type()) {
            case CLAUDE -> {
                out.set("x-api-key", secret);
                out.set("authorization", "Bearer " + secret);
            }
            case CLAUDE_AUTH, CODEX, OPENAI_COMPATIBLE -> out.set("authorization", "Bearer " + secret);
            case GEMINI -> {
                if (secret.startsWith("ya29.")) {
                    out.set("authorization", "Bearer " + secret);
                } else {
                    out.set("x-goog-api-key", secret);
                }
            }
            case GEMINI_CLI -> {
                out.set("authorization", "Bearer " + secret);
                out.set("x-goog-api-client", "GeminiCLI/1.0");
            }
        }
        if (p.type().protocol() == ClientProtocol.ANTHROPIC && !out.has("anthropic-version")) {
            out.set("anthropic-version", DEFAULT_ANTHROPIC_VERSION);
        }
        p.customHeaders().forEach((name, value) -> {
            if (HeaderHygiene.safeName(name) && HeaderHygiene.safeValue(value)) {
                out.set(name, value);
            }
        });
        return out;
    }

    private static boolean isProtocolSpecific(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.startsWith("anthropic-") || n.startsWith("openai-") || n.startsWith("x-goog-")
                || n.startsWith("x-stainless-") || n.equals("session_id") || n.equals("session-id")
                || n.equals("chatgpt-account-id") || n.equals("originator");
    }
}
