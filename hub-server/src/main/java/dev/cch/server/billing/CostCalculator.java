package dev.cch.server.billing;

import dev.cch.protocol.usage.Usage;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * cost = (input x in + output x out + cache writes x their rates + cache reads x read rate)
 *        x provider multiplier x group multiplier,
 * in 30-digit decimal arithmetic, rounded to 15 places only at the end.
 */
public final class CostCalculator {
    private static final MathContext MC = new MathContext(30, RoundingMode.HALF_EVEN);
    private static final int SCALE = 15;

    private final PriceTable prices;

    public CostCalculator(PriceTable prices) {
        this.prices = prices;
    }

    public Cost cost(String model, Usage usage, BigDecimal providerMultiplier, BigDecimal groupMultiplier) {
        Optional<Price> price = prices.find(model);
        if (price.isEmpty()) {
            return Cost.none(true);
        }
        return cost(price.get(), usage, providerMultiplier, groupMultiplier);
    }

    public static Cost cost(Price price, Usage usage, BigDecimal providerMultiplier, BigDecimal groupMultiplier) {
        Price.Rates r = price.rates(usage.contextTokens());
        BigDecimal pm = providerMultiplier == null ? BigDecimal.ONE : providerMultiplier;
        BigDecimal gm = groupMultiplier == null ? BigDecimal.ONE : groupMultiplier;
        BigDecimal factor = pm.multiply(gm, MC);
        BigDecimal in = part(usage.input(), r.input(), factor);
        BigDecimal out = part(usage.output(), r.output(), factor);
        BigDecimal w5 = part(usage.cacheWrite5m(), r.cacheWrite5m(), factor);
        BigDecimal w1 = part(usage.cacheWrite1h(), r.cacheWrite1h(), factor);
        BigDecimal read = part(usage.cacheRead(), r.cacheRead(), factor);
        BigDecimal total = in.add(out, MC).add(w5, MC).add(w1, MC).add(read, MC);
        return new Cost(scale(total), scale(in), scale(out), scale(w5), scale(w1), scale(read), pm, gm,
                r.longContext(), false);
    }

    private static BigDecimal part(long tokens, BigDecimal rate, BigDecimal factor) {
        return BigDecimal.valueOf(tokens).multiply(rate, MC).multiply(factor, MC);
    }

    private static BigDecimal scale(BigDecimal v) {
        return v.setScale(SCALE, RoundingMode.HALF_EVEN);
    }
}
