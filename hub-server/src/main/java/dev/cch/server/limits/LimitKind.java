package dev.cch.server.limits;

import java.util.Locale;

/** A limit a request can hit. Spend limits answer 402 (payment), frequency and concurrency limits 429. */
public enum LimitKind {
    RPM(429),
    USD_5H(402),
    USD_DAILY(402),
    USD_WEEKLY(402),
    USD_MONTHLY(402),
    USD_TOTAL(402),
    CONCURRENT_SESSIONS(429);

    private final int status;
    private final String wireName; // asked for on every request (Redis keys, decision chain)

    LimitKind(int status) {
        this.status = status;
        this.wireName = name().toLowerCase(Locale.ROOT);
    }

    public int status() {
        return status;
    }

    public boolean isSpend() {
        return status == 402;
    }

    public String wireName() {
        return wireName;
    }

    public static LimitKind fromWireName(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
