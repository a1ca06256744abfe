package dev.cch.server.pipeline;

import java.util.regex.Pattern;

/**
 * Masks anything that looks like a credential in text that came from outside (upstream error bodies, exception
 * messages) before it is logged, stored or returned.
 */
public final class Redactor {
    private static final Pattern KEY_LIKE = Pattern.compile(
            "(?i)(sk-ant-[A-Za-z0-9_-]{8,}|sk-[A-Za-z0-9_-]{16,}|cch-[A-Za-z0-9_-]{16,}|AIza[0-9A-Za-z_-]{20,}"
                    + "|ya29\\.[0-9A-Za-z_.-]{20,}|Bearer\\s+[A-Za-z0-9._~+/=-]{12,}|eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]+)");

    private Redactor() {
    }

    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        return KEY_LIKE.matcher(text).replaceAll("****");
    }

    /**
     * Redacts and also removes one known secret wherever it appears verbatim, and any piece of it that a cut left at
     * either end of the text (an error body read only up to a bound may end in the first characters of an echoed
     * secret). Redact before truncating for display: a cut secret no longer matches any pattern.
     */
    public static String redact(String text, String knownSecret) {
        String t = text;
        if (t != null && knownSecret != null && knownSecret.length() >= 6) {
            t = t.replace(knownSecret, "****");
            t = maskCutEnds(t, knownSecret);
        }
        return redact(t);
    }

    /** Bytes of an upstream body with the known secret masked, for passing the body on. */
    public static byte[] redact(byte[] body, String knownSecret) {
        if (body == null || knownSecret == null || knownSecret.length() < 6) {
            return body;
        }
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        String masked = maskCutEnds(text.replace(knownSecret, "****"), knownSecret);
        return masked.equals(text) ? body : masked.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static final int MIN_PIECE = 4;

    private static String maskCutEnds(String t, String secret) {
        for (int n = Math.min(secret.length() - 1, t.length()); n >= MIN_PIECE; n--) {
            if (t.endsWith(secret.substring(0, n))) {
                t = t.substring(0, t.length() - n) + "****";
                break;
            }
        }
        for (int n = Math.min(secret.length() - 1, t.length()); n >= MIN_PIECE; n--) {
            if (t.startsWith(secret.substring(secret.length() - n))) {
                t = "****" + t.substring(n);
                break;
            }
        }
        return t;
    }

    public static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + "…";
    }
}
