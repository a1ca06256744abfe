package dev.cch.protocol.convert.common;

import dev.cch.protocol.convert.model.Part;

/** OpenAI carries images and files as URLs, inline ones as {@code data:<type>;base64,<data>}. */
public final class MediaUrls {
    private MediaUrls() {
    }

    public static Part.Media parse(String url) {
        if (url != null && url.startsWith("data:")) {
            int semi = url.indexOf(';');
            int comma = url.indexOf(',');
            if (semi > 5 && comma > semi && url.regionMatches(semi, ";base64", 0, 7)) {
                return new Part.Media(url.substring(5, semi), url.substring(comma + 1), null);
            }
        }
        return new Part.Media(null, null, url);
    }
}
