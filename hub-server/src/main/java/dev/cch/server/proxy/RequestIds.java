package dev.cch.server.proxy;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Request ids: time-ordered (milliseconds first) and unique enough to be a primary key across nodes. */
public final class RequestIds {
    private static final HexFormat HEX = HexFormat.of();

    private RequestIds() {
    }

    public static String next(long epochMillis) {
        long r = ThreadLocalRandom.current().nextLong();
        // 11 hex digits of milliseconds (enough until the year 2527) + 16 random; String.format was a hot spot
        return "req_" + HEX.toHexDigits(epochMillis).substring(5) + HEX.toHexDigits(r);
    }
}
