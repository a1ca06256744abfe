package dev.cch.server.admin;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque cursors for keyset pagination: the last id seen. */
public final class Cursor {
    private Cursor() {
    }

    public static String encode(long lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("id:" + lastId).getBytes(StandardCharsets.UTF_8));
    }

    /** The id after which the next page starts; 0 for the first page; -1 if the cursor is not one of ours. */
    public static long decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return s.startsWith("id:") ? Long.parseLong(s.substring(3)) : -1;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}
