package dev.cch.protocol.convert.common;

import dev.cch.protocol.ClientProtocol;

/**
 * Thinking signatures only verify at the provider that made them, so they travel tagged with their origin.
 * The neutral form is an Anthropic signature as it is, or {@code gemini:<raw>} / {@code responses:<raw>}.
 * Clients of another protocol see foreign signatures tagged (and send them back that way); providers only ever
 * receive their own signatures, foreign ones are dropped.
 */
public final class Signatures {
    private static final String ANTHROPIC = "anthropic:";
    private static final String GEMINI = "gemini:";
    private static final String RESPONSES = "responses:";

    private Signatures() {
    }

    /** The neutral form of a signature a provider of protocol {@code p} produced. */
    public static String fromProvider(ClientProtocol p, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        return switch (p) {
            case ANTHROPIC -> raw;
            case GEMINI -> GEMINI + raw;
            case OPENAI_RESPONSES -> RESPONSES + raw;
            case OPENAI_CHAT -> null;
        };
    }

    /** The raw signature to send to a provider of protocol {@code p}, or null when it did not make it. */
    public static String toProvider(ClientProtocol p, String neutral) {
        if (neutral == null || neutral.isEmpty()) {
            return null;
        }
        return origin(neutral) == p ? strip(neutral) : null;
    }

    /** The value a client of protocol {@code p} sees. */
    public static String toClient(ClientProtocol p, String neutral) {
        if (neutral == null || neutral.isEmpty()) {
            return null;
        }
        ClientProtocol origin = origin(neutral);
        if (origin == p) {
            return strip(neutral);
        }
        return origin == ClientProtocol.ANTHROPIC ? ANTHROPIC + neutral : neutral;
    }

    /** The neutral form of a value a client of protocol {@code p} sent back. */
    public static String fromClient(ClientProtocol p, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.startsWith(ANTHROPIC)) {
            return value.substring(ANTHROPIC.length());
        }
        if (value.startsWith(GEMINI) || value.startsWith(RESPONSES)) {
            return value;
        }
        return fromProvider(p, value);
    }

    /** True for a value that carries an origin tag (a signature made by a provider of another protocol). */
    public static boolean tagged(String value) {
        return value != null && (value.startsWith(ANTHROPIC) || value.startsWith(GEMINI) || value.startsWith(RESPONSES));
    }

    private static ClientProtocol origin(String neutral) {
        if (neutral.startsWith(GEMINI)) {
            return ClientProtocol.GEMINI;
        }
        if (neutral.startsWith(RESPONSES)) {
            return ClientProtocol.OPENAI_RESPONSES;
        }
        return ClientProtocol.ANTHROPIC;
    }

    private static String strip(String neutral) {
        if (neutral.startsWith(GEMINI)) {
            return neutral.substring(GEMINI.length());
        }
        if (neutral.startsWith(RESPONSES)) {
            return neutral.substring(RESPONSES.length());
        }
        return neutral;
    }
}
