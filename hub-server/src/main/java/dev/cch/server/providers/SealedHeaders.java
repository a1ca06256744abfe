package dev.cch.server.providers;

import dev.cch.server.crypto.SecretCipher;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A provider's custom header values at rest and on display. They often carry credentials (an organisation key, a
 * gateway token), so each is sealed like the provider secret and shown only as a mask with a hint; a value sent
 * back as its mask (the editor's round trip) keeps the stored one. Values stored before sealing still open.
 */
final class SealedHeaders {
    private static final String MASK = "****";

    private final SecretCipher cipher;

    SealedHeaders(SecretCipher cipher) {
        this.cipher = cipher;
    }

    /** What to store for the values a request asks for, given what is stored now. */
    Map<String, String> seal(Map<String, String> asked, Map<String, String> stored) {
        Map<String, String> out = new LinkedHashMap<>();
        asked.forEach((name, value) -> {
            String current = stored.get(name);
            boolean unchanged = current != null && value.equals(mask(cipher.openText(current)));
            out.put(name, cipher.sealText(unchanged ? cipher.openText(current) : value));
        });
        return out;
    }

    /** The values themselves, for the upstream call. */
    Map<String, String> open(Map<String, String> stored) {
        Map<String, String> out = new LinkedHashMap<>();
        stored.forEach((name, value) -> out.put(name, cipher.openText(value)));
        return out;
    }

    /** What admins are shown: a mask, with the last four characters of a long value. */
    Map<String, String> masked(Map<String, String> stored) {
        Map<String, String> out = new LinkedHashMap<>();
        stored.forEach((name, value) -> out.put(name, mask(cipher.openText(value))));
        return out;
    }

    static String mask(String value) {
        return value.length() < 12 ? MASK : MASK + value.substring(value.length() - 4);
    }
}
