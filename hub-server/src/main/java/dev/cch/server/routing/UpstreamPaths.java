package dev.cch.server.routing;

import dev.cch.protocol.ProviderType;
import dev.cch.server.pipeline.Endpoint;
import dev.cch.server.pipeline.ProxyRequest;

/** The path (and query) a request is sent to on a provider of a given type. */
public final class UpstreamPaths {
    private UpstreamPaths() {
    }

    /** The model as one path segment: a client's model name may not add segments, a query or a fragment. */
    static String segment(String model) {
        StringBuilder b = new StringBuilder(model.length());
        for (byte x : model.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~@!$'()*+,;=".indexOf(c) >= 0) {
                b.append(c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }

    /**
     * The path (and query) for this provider type, or null if the model cannot be sent to it: a Gemini provider
     * takes the model as one URL segment, so a model with a {@code /} of its own (past a {@code models/} prefix,
     * which Gemini names carry) cannot go there.
     */
    public static String pathFor(ProviderType type, ProxyRequest r, String model) {
        String geminiModel = model.startsWith("models/") ? model.substring("models/".length()) : model;
        if (type == ProviderType.GEMINI && geminiModel.indexOf('/') >= 0) {
            return null;
        }
        boolean countTokens = r.endpoint() == Endpoint.COUNT_TOKENS || r.endpoint() == Endpoint.GEMINI_COUNT_TOKENS;
        boolean sameProtocol = type.protocol() == r.protocol();
        String query = sameProtocol ? passThroughQuery(r.rawQuery()) : "";
        String path = switch (type) {
            case CLAUDE, CLAUDE_AUTH -> countTokens ? "/v1/messages/count_tokens" : "/v1/messages";
            case OPENAI_COMPATIBLE -> "/v1/chat/completions";
            case CODEX -> "/v1/responses";
            case GEMINI -> "/v1beta/models/" + segment(geminiModel) + (countTokens ? ":countTokens"
                    : r.stream() ? ":streamGenerateContent" : ":generateContent");
            case GEMINI_CLI -> "/v1internal:" + (countTokens ? "countTokens"
                    : r.stream() ? "streamGenerateContent" : "generateContent");
        };
        if ((type == ProviderType.GEMINI || type == ProviderType.GEMINI_CLI) && r.stream()) {
            query = query.contains("alt=sse") ? query : query.isEmpty() ? "alt=sse" : query + "&alt=sse";
        }
        return query.isEmpty() ? path : path + "?" + query;
    }

    /** The client's query without its hub credential ({@code key=}). */
    static String passThroughQuery(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String part : raw.split("&")) {
            if (part.isEmpty() || part.startsWith("key=")) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append('&');
            }
            sb.append(part);
        }
        return sb.toString();
    }
}
