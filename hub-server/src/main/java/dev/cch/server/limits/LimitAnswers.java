package dev.cch.server.limits;

import dev.cch.protocol.error.ErrorType;
import dev.cch.protocol.error.HubError;
import dev.cch.server.pipeline.Principal;
import dev.cch.server.state.Admission;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The answer to a request that hit a limit: 429 for RPM and concurrent sessions, 402 for spend, naming the limit,
 * the usage and when it frees up, with {@code Retry-After} and {@code X-RateLimit-Limit/-Remaining/-Reset}.
 */
public final class LimitAnswers {
    private final Supplier<ZoneId> zone;

    /** The error and the headers that go with it. */
    public record Answer(HubError error, Map<String, String> headers) {
    }

    public LimitAnswers(Supplier<ZoneId> zone) {
        this.zone = zone;
    }

    public Answer answer(Admission.Rejection r, Principal pr, long nowMs) {
        LimitKind kind = r.kind();
        String who = switch (r.subject().kind()) {
            case USER -> "user " + pr.user().name();
            case KEY -> "key " + pr.key().name();
            case PROVIDER -> "provider " + r.subject().id();
        };
        boolean total = kind == LimitKind.USD_TOTAL;
        // a total limit never resets by itself; tell clients not to come back for a year rather than soon
        long resetAtMs = total ? nowMs + 365L * 24 * 3600 * 1000 : r.resetAtMs();
        long retryAfter = Math.max(1, (resetAtMs - nowMs + 999) / 1000);
        String resetAt = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(Instant.ofEpochMilli(r.resetAtMs()).atZone(zone.get()).withNano(0));
        String limit = kind.isSpend() ? "$" + Money.toUsd(r.limit()).toPlainString() : String.valueOf(r.limit());
        String used = kind.isSpend() ? "$" + Money.toUsd(r.current()).toPlainString() : String.valueOf(r.current());
        String what = switch (kind) {
            case RPM -> "requests-per-minute limit";
            case USD_5H -> "5-hour spend limit";
            case USD_DAILY -> "daily spend limit";
            case USD_WEEKLY -> "weekly spend limit";
            case USD_MONTHLY -> "monthly spend limit";
            case USD_TOTAL -> "total spend limit";
            case CONCURRENT_SESSIONS -> "concurrent-session limit";
        };
        String message = what + " of " + limit + " for " + who + " reached (" + used + " used); "
                + (total ? "it does not reset by itself" : "resets at " + resetAt);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("limit_type", kind.wireName());
        details.put("limit", kind.isSpend() ? Money.toUsd(r.limit()) : r.limit());
        details.put("current", kind.isSpend() ? Money.toUsd(r.current()) : r.current());
        if (!total) {
            details.put("reset_time", resetAt); // a total limit has none (and a null would break the error body)
        }
        ErrorType type = kind.isSpend() ? ErrorType.BILLING : ErrorType.RATE_LIMIT;
        HubError e = new HubError(kind.status(), type, message, "rate_limit_exceeded", details);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-ratelimit-limit", kind.isSpend() ? Money.toUsd(r.limit()).toPlainString() : String.valueOf(r.limit()));
        headers.put("x-ratelimit-remaining", "0");
        headers.put("retry-after", String.valueOf(retryAfter));
        headers.put("x-ratelimit-reset", String.valueOf((resetAtMs + 999) / 1000));
        return new Answer(e, headers);
    }
}
