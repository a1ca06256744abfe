package dev.cch.server.logs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** The position after the last row of a request-log page: its time (to the microsecond) and id. */
public record LogCursor(Instant createdAt, long id) {

    public String encode() {
        long micros = createdAt.getEpochSecond() * 1_000_000 + createdAt.getNano() / 1000;
        return Base64.getUrlEncoder().withoutPadding().encodeToString((micros + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Null for no cursor; throws IllegalArgumentException for one that is not ours. */
    public static LogCursor decode(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String[] parts = new String(Base64.getUrlDecoder().decode(s), StandardCharsets.UTF_8).split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("not a log cursor");
        }
        long micros = Long.parseLong(parts[0]);
        return new LogCursor(Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000), Long.parseLong(parts[1]));
    }
}
