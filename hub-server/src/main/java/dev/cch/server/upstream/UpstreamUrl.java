package dev.cch.server.upstream;

/**
 * Joins a provider's base URL with an endpoint path without doubling segments: a base that already ends with the
 * endpoint is used as is, and a base ending in a version root ({@code /v1}, {@code /v1beta}) is not repeated.
 */
public final class UpstreamUrl {
    private UpstreamUrl() {
    }

    public static String join(String baseUrl, String path, String rawQuery) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        String url;
        if (base.endsWith(path)) {
            url = base;
        } else {
            String p = path;
            int slash = p.indexOf('/', 1);
            if (slash > 0) {
                String version = p.substring(0, slash);
                if (base.endsWith(version)) {
                    p = p.substring(slash);
                }
            }
            url = base + p;
        }
        return rawQuery == null || rawQuery.isEmpty() ? url : url + (url.contains("?") ? "&" : "?") + rawQuery;
    }
}
