package dev.cch.server.providers;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** An outbound proxy of a provider: HTTP, HTTPS (CONNECT) or SOCKS5, with optional credentials. */
public record ProxySpec(Kind kind, String host, int port, String username, Secret password) {

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
            return u.getScheme() + "://" + user + ":****@" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "");
        } catch (IllegalArgumentException e) {
            return "****";
        }
    }

    public boolean hasCredentials() {
        return username != null;
    }
}
