package dev.cch.protocol.convert.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Short deterministic hex digests: generated ids and name suffixes must be stable for the same input. */
public final class Hashes {
    private Hashes() {
    }

    public static String hex(String input, int chars) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, chars);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** An id with the protocol's usual prefix, derived from a seed. */
    public static String id(String prefix, String seed) {
        return prefix + hex(seed, 24);
    }

    /** The id as is when it already has the prefix, otherwise the prefix followed by the id's own characters. */
    public static String withPrefix(String prefix, String id) {
        if (id == null || id.isEmpty()) {
            return id(prefix, "empty");
        }
        if (id.startsWith(prefix)) {
            return id;
        }
        int cut = id.indexOf('_') > 0 && id.indexOf('_') < 10 ? id.indexOf('_') + 1
                : id.indexOf('-') > 0 && id.indexOf('-') < 10 ? id.indexOf('-') + 1 : 0;
        return prefix + id.substring(cut);
    }
}
