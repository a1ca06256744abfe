package dev.cch.protocol.convert.common;

import java.util.HashMap;
import java.util.Map;

/**
 * OpenAI and Gemini reject function names longer than 64 characters (MCP tool names often are). Long names are
 * cut and given a hash suffix on the way out, deterministically, and mapped back in responses.
 */
public final class ToolNames {
    public static final int MAX = 64;
    private static final int HASH = 8;

    private ToolNames() {
    }

    public static String shorten(String name) {
        if (name == null || name.length() <= MAX) {
            return name;
        }
        return name.substring(0, MAX - HASH - 1) + "_" + Hashes.hex(name, HASH);
    }

    /** Shortened name to original name, for the names that needed shortening. */
    public static Map<String, String> restoring(Iterable<String> originals) {
        Map<String, String> map = new HashMap<>();
        for (String n : originals) {
            String s = shorten(n);
            if (!s.equals(n)) {
                map.put(s, n);
            }
        }
        return Map.copyOf(map);
    }
}
