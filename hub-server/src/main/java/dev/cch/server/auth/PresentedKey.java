package dev.cch.server.auth;

import dev.cch.server.pipeline.Headers;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Finds the hub key a client presented: {@code x-api-key}, {@code Authorization: Bearer}, {@code x-goog-api-key}
 * or the {@code key} query parameter. If several are present they must agree.
 */
public final class PresentedKey {
    private PresentedKey() {
    }

    /** The outcome: the key, none at all, or conflicting keys. */
    public sealed interface Found permits Found.One, Found.None, Found.Conflicting {
        record One(String key) implements Found {
        }

        record None() implements Found {
        }

        record Conflicting() implements Found {
        }
    }

    public static Found find(Headers headers, String rawQuery) {
        Set<String> keys = new LinkedHashSet<>(2);
        addIfPresent(keys, headers.first("x-api-key"));
        String auth = headers.first("authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            addIfPresent(keys, auth.substring(7));
        }
        addIfPresent(keys, headers.first("x-goog-api-key"));
        addIfPresent(keys, queryKey(rawQuery));
        if (keys.isEmpty()) {
            return new Found.None();
        }
        return keys.size() == 1 ? new Found.One(keys.iterator().next()) : new Found.Conflicting();
    }

    private static void addIfPresent(Set<String> keys, String k) {
        if (k != null && !k.isBlank()) {
            keys.add(k.trim());
        }
    }

    static String queryKey(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        for (String part : rawQuery.split("&")) {
            if (part.startsWith("key=")) {
                return java.net.URLDecoder.decode(part.substring(4), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
