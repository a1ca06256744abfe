package dev.cch.server.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Recognises a "successful" (2xx) upstream answer that is really a failure: an HTML page, an empty body, a body that
 * is not JSON, or JSON whose top level is an error. Relays do all of these.
 */
public final class Fake200 {
    private Fake200() {
    }

    /** Why the body is not a real answer, or null if it looks like one. {@code parsed} receives the JSON. */
    public static String problem(byte[] body, String contentType, ObjectMapper mapper, JsonNode[] parsed) {
        if (body.length == 0) {
            return "empty body with status 200";
        }
        String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        int first = firstNonSpace(body);
        if (ct.contains("text/html") || first == '<') {
            return "HTML page with status 200";
        }
        JsonNode n;
        try {
            n = mapper.readTree(body);
        } catch (IOException e) {
            return "body is not JSON";
        }
        if (n == null || !n.isObject()) {
            return "body is not a JSON object";
        }
        parsed[0] = n;
        JsonNode err = n.get("error");
        if (err != null && !err.isNull() && !(err.isObject() && err.isEmpty())
                || "error".equals(n.path("type").asText()) || "response.failed".equals(n.path("type").asText())) {
            String m = err == null ? null : err.isTextual() ? err.asText() : err.path("message").asText(null);
            return "error body with status 200" + (m == null ? "" : ": " + m);
        }
        return null;
    }

    private static int firstNonSpace(byte[] b) {
        for (byte x : b) {
            if (x != ' ' && x != '\n' && x != '\r' && x != '\t') {
                return x;
            }
        }
        return -1;
    }

    static String text(byte[] b, int max) {
        return new String(b, 0, Math.min(b.length, max), StandardCharsets.UTF_8);
    }
}
