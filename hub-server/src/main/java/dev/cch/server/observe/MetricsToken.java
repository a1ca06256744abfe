package dev.cch.server.observe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** {@code /metrics} is open unless {@code hub.metrics.token} is set; then scrapers send it as a Bearer token. */
public final class MetricsToken {
    private MetricsToken() {
    }

    public static boolean allows(Optional<String> token, Optional<String> authorization) {
        if (token.isEmpty()) {
            return true;
        }
        String presented = authorization.filter(a -> a.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(a -> a.substring(7).trim()).orElse("");
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), token.get().getBytes(StandardCharsets.UTF_8));
    }
}
