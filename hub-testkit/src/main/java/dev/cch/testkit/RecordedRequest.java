package dev.cch.testkit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A request the fake upstream received; header names are lower-case. */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
                              byte[] body) {

    public String header(String name) {
        List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return v == null || v.isEmpty() ? null : v.getFirst();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
