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

    /** Redacts and also removes one known secret wherever it appears verbatim. */
    public static String redact(String text, String knownSecret) {
        String t = text;
        if (t != null && knownSecret != null && knownSecret.length() >= 6) {
            t = t.replace(knownSecret, "****");
        }
        return redact(t);
    }

    public static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + "…";
    }
}
