package dev.cch.server.limits;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** USD amounts as whole nano-dollars, so the state store adds integers and never rounds. */
public final class Money {
    private static final BigDecimal NANO = BigDecimal.valueOf(1_000_000_000L);

    private Money() {
    }

    public static long toNano(BigDecimal usd) {
        return usd == null ? 0 : usd.multiply(NANO).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    public static BigDecimal toUsd(long nano) {
        return BigDecimal.valueOf(nano).divide(NANO, 9, RoundingMode.UNNECESSARY).stripTrailingZeros();
    }
}
