package dev.cch.server.billing;

import java.math.BigDecimal;

/** Converts between prices per token (stored) and per million tokens (what admins read and write), exactly. */
public final class PerMillion {
    private PerMillion() {
    }

    /** Per token to per million tokens; null stays null. */
    public static BigDecimal of(BigDecimal perToken) {
        return perToken == null ? null : perToken.movePointRight(6).stripTrailingZeros();
    }

    /** Per million tokens to per token; null stays null. */
    public static BigDecimal perToken(BigDecimal perMillion) {
        return perMillion == null ? null : perMillion.movePointLeft(6).stripTrailingZeros();
    }
}
