package dev.cch.server.billing;

import java.math.BigDecimal;

/**
 * What one request cost in USD, exactly (decimal, 15 places), with its parts. {@code priceMissing} means no price
 * was found for the model and the cost is zero.
 */
public record Cost(BigDecimal total, BigDecimal input, BigDecimal output, BigDecimal cacheWrite5m,
                   BigDecimal cacheWrite1h, BigDecimal cacheRead, BigDecimal providerMultiplier,
                   BigDecimal groupMultiplier, boolean longContext, boolean priceMissing) {

    public static Cost none(boolean priceMissing) {
        return new Cost(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ONE, false, priceMissing);
    }
}
