package dev.cch.server.providers;

/** A provider credential in memory. Its {@code toString} never shows it, so it cannot leak into logs by accident. */
public final class Secret {
    private final String value;

    public Secret(String value) {
        this.value = value == null ? "" : value;
    }

    /** The credential itself, for the one place that sends it upstream. */
    public String reveal() {
        return value;
    }

    /** The last four characters, for lists ("…abcd"); nothing for short secrets. */
    public static String hint(String secret) {
        return secret == null || secret.length() < 12 ? "****" : "…" + secret.substring(secret.length() - 4);
    }

    @Override
    public String toString() {
        return "****";
    }
}
