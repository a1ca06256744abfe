package dev.cch.server.proxy;

import java.util.concurrent.ThreadLocalRandom;

/** Request ids: time-ordered (milliseconds first) and unique enough to be a primary key across nodes. */
public final class RequestIds {
    private RequestIds() {
    }

    public static String next(long epochMillis) {
        long r = ThreadLocalRandom.current().nextLong();
        return "req_" + String.format("%011x%016x", epochMillis, r);
    }
}
