package dev.cch.server.providers;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** An outbound proxy of a provider: HTTP, HTTPS (CONNECT) or SOCKS5, with optional credentials. */
public record ProxySpec(Kind kind, String host, int port, String username, Secret password) {
    private static final String MASK = "****";

    /** What sort of proxy it is. */
    public enum Kind { HTTP, HTTPS, SOCKS5 }

    public static ProxySpec parse(String url) {
        URI u = URI.create(url.trim());
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        Kind kind = switch (scheme) {
            case "http" -> Kind.HTTP;
            case "https" -> Kind.HTTPS;
            case "socks5", "socks5h" -> Kind.SOCKS5;
            default -> throw new IllegalArgumentException("proxy scheme must be http, https or socks5");
        };
        int port = u.getPort() > 0 ? u.getPort() : switch (kind) {
            case HTTP -> 80;
            case HTTPS -> 443;
            case SOCKS5 -> 1080;
        };
        String user = null;
        String pass = null;
        if (u.getRawUserInfo() != null) {
            String[] parts = u.getRawUserInfo().split(":", 2);
            user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            pass = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "";
        }
        return new ProxySpec(kind, u.getHost(), port, user, new Secret(pass));
    }

    /** The URL with the password replaced by {@code ****}, safe to show and log. */
    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI u = URI.create(url.trim());
            if (u.getRawUserInfo() == null || !u.getRawUserInfo().contains(":")) {
                return url;
            }
            String user = u.getRawUserInfo().split(":", 2)[0];
            return u.getScheme() + "://" + user + ":" + MASK + "@" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "");
        } catch (IllegalArgumentException e) {
            return MASK;
        }
    }

    /** Whether the URL's password is the mask {@code ****} the admin API shows in place of a stored one. */
    public static boolean masked(String url) {
        return password(url).map(MASK::equals).orElse(false);
    }

    /**
     * The URL an admin meant: a masked password (the editor sends back what it was shown) stands for the password of
     * the stored URL, whatever else changed; any other URL is taken as written.
     */
    public static String unmask(String url, String stored) {
        Optional<String> kept = password(stored);
        if (!masked(url) || kept.isEmpty()) {
            return url;
        }
        String t = url.trim();
        int start = t.indexOf("://") + 3;
        int end = start + URI.create(t).getRawUserInfo().length();
        String user = t.substring(start, end).split(":", 2)[0];
        return t.substring(0, start) + user + ":" + kept.get() + t.substring(end);
    }

    /** The raw (still percent-encoded) password of a URL, if it has one. */
    private static Optional<String> password(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            String info = URI.create(url.trim()).getRawUserInfo();
            return info == null || !info.contains(":") ? Optional.empty() : Optional.of(info.split(":", 2)[1]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public boolean hasCredentials() {
        return username != null;
    }
}
