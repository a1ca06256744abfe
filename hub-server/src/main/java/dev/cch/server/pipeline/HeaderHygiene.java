package dev.cch.server.pipeline;

/**
 * Header hygiene: a value may hold visible ASCII, spaces and tabs only, a name only RFC 9110 token characters.
 * Anything else (CR/LF, NUL, non-ASCII) could split a header or be read differently by the next hop, so the hub
 * never forwards or echoes it.
 */
public final class HeaderHygiene {
    private HeaderHygiene() {
    }

    public static boolean safeValue(String v) {
        if (v == null) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c != '\t' && (c < 0x20 || c > 0x7e)) {
                return false;
            }
        }
        return true;
    }

    public static boolean safeName(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean token = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!token) {
                return false;
            }
        }
        return true;
    }

    /** Whether text may be placed in a header or URL as is: no control characters at all. */
    public static boolean printable(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
