package dev.cch.server.requestlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Map;

/**
 * Text as the request log stores it. Much of a row comes from clients and upstreams (model names, user agents,
 * session ids, error messages), and PostgreSQL refuses NUL in text and jsonb; control characters would split log
 * lines and lone surrogates do not encode. So control characters become U+FFFD (tab, CR and LF a space), lone
 * surrogates U+FFFD, and long text is cut (ending in "…") below what a btree index row can hold.
 */
public final class RowText {
    /** Request and session ids. */
    public static final int ID = 200;
    /** Model names, endpoint, protocol and kind names: indexed and rolled up, so kept short. */
    public static final int MODEL = 200;
    /** User agent and client address. */
    public static final int HEADER = 512;
    /** Error messages, and any string inside the decision chain. */
    public static final int MESSAGE = 2000;

    private static final char REPLACEMENT = '\uFFFD';

    private RowText() {
    }

    /** The text made storable; the same instance when it already is (the usual case, so no copy). */
    public static String clean(String s, int max) {
        if (s == null || isClean(s, max)) {
            return s;
        }
        boolean cut = s.length() > max;
        int limit = cut ? max - 1 : s.length();
        StringBuilder b = new StringBuilder(limit + 1);
        for (int i = 0; i < s.length() && b.length() < limit; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                if (b.length() + 2 > limit) {
                    break; // never cut a pair in half
                }
                b.append(c).append(s.charAt(++i));
            } else {
                b.append(replacement(c));
            }
        }
        return cut ? b.append('…').toString() : b.toString();
    }

    /** The JSON with every string and field name made storable; the same instance when nothing needed it. */
    public static JsonNode clean(JsonNode n) {
        return n == null || isClean(n) ? n : copy(n);
    }

    private static boolean isClean(String s, int max) {
        if (s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (replacement(c) != c) {
                return false;
            }
        }
        return true;
    }

    private static char replacement(char c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return ' ';
        }
        return Character.isISOControl(c) || Character.isSurrogate(c) ? REPLACEMENT : c;
    }

    private static boolean isClean(JsonNode n) {
        if (n.isTextual()) {
            return isClean(n.textValue(), MESSAGE);
        }
        if (n.isObject()) {
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                if (!isClean(e.getKey(), MODEL) || !isClean(e.getValue())) {
                    return false;
                }
            }
            return true;
        }
        for (JsonNode x : n) {
            if (!isClean(x)) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode copy(JsonNode n) {
        if (n.isTextual()) {
            return TextNode.valueOf(clean(n.textValue(), MESSAGE));
        }
        if (n.isObject()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            n.properties().forEach(e -> o.set(clean(e.getKey(), MODEL), copy(e.getValue())));
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode(n.size());
            n.forEach(x -> a.add(copy(x)));
            return a;
        }
        return n; // numbers, booleans, null: nothing to clean
    }
}
