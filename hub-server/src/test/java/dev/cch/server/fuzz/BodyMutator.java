package dev.cch.server.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a valid request body into a hostile one, reproducibly from its {@link Random}: type swaps, deleted and
 * duplicated fields, deep nesting, huge numbers, bad unicode, truncation and random bytes, one to three at a time.
 * Works on the text so it can produce what no JSON library would write (duplicate keys, broken escapes).
 */
final class BodyMutator {
    private static final Pattern VALUE = Pattern.compile(
            "(\"[a-zA-Z_]+\"\\s*:\\s*)(\"(?:[^\"\\\\]++|\\\\.)*+\"|-?\\d+(?:\\.\\d+)?|true|false|null|\\[|\\{)");
    private static final List<String> REPLACEMENTS = List.of("5", "-1", "0", "\"x\"", "\"\"", "true", "false", "null",
            "[]", "{}", "[1,\"a\",null]", "{\"a\":{}}", "1e400", "-1e400", "123456789012345678901234567890123456789",
            "0.000000000000000000000000001", "1.5", "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\\u0000\\u001f\"",
            "\"\u202e\u0000\"", "\"" + "\\u00e9".repeat(50) + "\"", "[[[[[[[[[[]]]]]]]]]]", "\"" + "x".repeat(5000) + "\"");

    private final Random random;

    BodyMutator(Random random) {
        this.random = random;
    }

    byte[] mutate(String seed) {
        byte[] body = seed.getBytes(StandardCharsets.UTF_8);
        int rounds = 1 + random.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            body = once(body);
        }
        return body;
    }

    private byte[] once(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return switch (random.nextInt(10)) {
            case 0, 1 -> bytes(swapValue(text));
            case 2 -> bytes(deleteField(text));
            case 3 -> bytes(duplicateField(text));
            case 4 -> bytes(nest(text));
            case 5 -> badUnicode(body);
            case 6 -> Arrays.copyOf(body, random.nextInt(Math.max(1, body.length)));
            case 7 -> flipBytes(body);
            case 8 -> randomBytes();
            default -> bytes(swapValue(swapValue(text)));
        };
    }

    /** Replaces the value of a random field with a value of another type (for containers, the opening only). */
    private String swapValue(String text) {
        Matcher m = VALUE.matcher(text);
        List<int[]> spots = new java.util.ArrayList<>();
        while (m.find()) {
            spots.add(new int[]{m.start(2), m.end(2)});
        }
        if (spots.isEmpty()) {
            return text;
        }
        int[] s = spots.get(random.nextInt(spots.size()));
        String replacement = REPLACEMENTS.get(random.nextInt(REPLACEMENTS.size()));
        char first = text.charAt(s[0]);
        int end = first == '[' || first == '{' ? matching(text, s[0]) : s[1];
        return text.substring(0, s[0]) + replacement + text.substring(end);
    }

    private String deleteField(String text) {
        Matcher m = VALUE.matcher(text);
        List<int[]> spots = new java.util.ArrayList<>();
        while (m.find()) {
            int valueEnd = text.charAt(m.start(2)) == '[' || text.charAt(m.start(2)) == '{' ? matching(text, m.start(2)) : m.end(2);
            spots.add(new int[]{m.start(1), valueEnd});
        }
        if (spots.isEmpty()) {
            return text;
        }
        int[] s = spots.get(random.nextInt(spots.size()));
        int end = s[1] < text.length() && text.charAt(s[1]) == ',' ? s[1] + 1 : s[1];
        return text.substring(0, s[0]) + text.substring(end);
    }

    /** Adds the same key again at the start of the top-level object, with another value. */
    private String duplicateField(String text) {
        Matcher m = VALUE.matcher(text);
        if (!m.find() || !text.startsWith("{")) {
            return text;
        }
        String key = m.group(1);
        return "{" + key + REPLACEMENTS.get(random.nextInt(REPLACEMENTS.size())) + "," + text.substring(1);
    }

    /** Wraps a value in hundreds or thousands of arrays/objects: within or beyond the parser's depth limit. */
    private String nest(String text) {
        int depth = random.nextBoolean() ? 200 + random.nextInt(300) : 1000 + random.nextInt(4000);
        boolean arrays = random.nextBoolean();
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        String deep = open.repeat(depth) + "1" + close.repeat(depth);
        int brace = text.indexOf('{');
        return brace < 0 ? deep : text.substring(0, brace + 1) + "\"deep\":" + deep + "," + text.substring(brace + 1);
    }

    private byte[] badUnicode(byte[] body) {
        byte[][] bad = {{(byte) 0xc3}, {(byte) 0xff}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xc0, (byte) 0xaf},
                {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xe2, (byte) 0x82}, {0}};
        byte[] insert = bad[random.nextInt(bad.length)];
        int at = random.nextInt(body.length + 1);
        byte[] out = new byte[body.length + insert.length];
        System.arraycopy(body, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(body, at, out, at + insert.length, body.length - at);
        return out;
    }

    private byte[] flipBytes(byte[] body) {
        byte[] out = body.clone();
        for (int i = 0, n = 1 + random.nextInt(4); i < n && out.length > 0; i++) {
            out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        }
        return out;
    }

    private byte[] randomBytes() {
        byte[] out = new byte[random.nextInt(200)];
        random.nextBytes(out);
        return out;
    }

    /** The index after the bracket that closes the one at {@code open}, ignoring brackets inside strings. */
    private static int matching(String text, int open) {
        int depth = 0;
        boolean inString = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if ((c == ']' || c == '}') && --depth == 0) {
                return i + 1;
            }
        }
        return text.length();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
