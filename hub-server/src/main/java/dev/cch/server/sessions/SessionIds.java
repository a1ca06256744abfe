package dev.cch.server.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.server.pipeline.ProxyRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the coding session a request belongs to, so it can stick to one provider and keep its prompt cache warm.
 * In order: Claude Code's {@code metadata.user_id} (legacy {@code user_…_session_<uuid>} string or the JSON form
 * with {@code session_id}), the {@code x-claude-code-session-id} header, Codex's {@code session_id} /
 * {@code session-id} headers, {@code prompt_cache_key}, {@code previous_response_id} (the provider holding that
 * response must answer), Gemini CLI's {@code session_id}; otherwise a hash of the first messages.
 */
public final class SessionIds {
    private static final Pattern LEGACY = Pattern.compile("_session_([0-9a-fA-F-]{8,})$");
    private final ObjectMapper mapper;

    /** A session id and where it came from. */
    public record Found(String id, String source) {
    }

    public SessionIds(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Found find(ProxyRequest r) {
        String userId = r.metadataUserId();
        if (userId != null) {
            Matcher m = LEGACY.matcher(userId);
            if (m.find()) {
                return new Found(m.group(1), "metadata.user_id");
            }
            if (userId.startsWith("{")) {
                try {
                    JsonNode n = mapper.readTree(userId);
                    if (n != null && n.path("session_id").isTextual() && !n.path("session_id").asText().isBlank()) {
                        return new Found(n.path("session_id").asText(), "metadata.user_id");
                    }
                } catch (java.io.IOException ignored) {
                    // not JSON after all: fall through to the other sources
                }
            }
        }
        for (String h : new String[] {"x-claude-code-session-id", "session_id", "session-id", "x-session-id"}) {
            String v = r.headers().first(h);
            if (v != null && !v.isBlank()) {
                return new Found(v.trim(), "header " + h);
            }
        }
        if (r.promptCacheKey() != null) {
            return new Found(r.promptCacheKey(), "prompt_cache_key");
        }
        if (r.previousResponseId() != null) {
            return new Found("resp:" + r.previousResponseId(), "previous_response_id");
        }
        if (r.bodySessionId() != null && !r.bodySessionId().isBlank()) {
            return new Found(r.bodySessionId(), "session_id");
        }
        JsonNode body = r.json();
        return new Found("h:" + hashOfFirstMessages(body), "content hash");
    }

    static String hashOfFirstMessages(JsonNode body) {
        StringBuilder sb = new StringBuilder();
        sb.append(body.path("system").toString()).append('|');
        for (String field : new String[] {"messages", "input", "contents"}) {
            JsonNode n = body.path(field);
            if (n.isArray()) {
                // the opening message only: it stays the same on every turn of a conversation
                if (!n.isEmpty()) {
                    sb.append(n.get(0).toString());
                }
                break;
            }
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
