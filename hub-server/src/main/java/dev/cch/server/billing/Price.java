package dev.cch.server.billing;

import java.math.BigDecimal;
import java.util.List;

/**
 * Per-token USD prices of one model. Missing cache prices fall back to Anthropic's ratios of the input price
 * (5-minute write 1.25x, 1-hour write 2x, read 0.1x). Above {@code longContextThreshold} context tokens the whole
 * request is priced at the long-context rates where they are set.
 */
public record Price(String model, String vendor, String source,
                    BigDecimal input, BigDecimal output, BigDecimal cacheWrite5m, BigDecimal cacheWrite1h,
                    BigDecimal cacheRead, Integer longContextThreshold, BigDecimal inputLong, BigDecimal outputLong,
                    BigDecimal cacheWrite5mLong, BigDecimal cacheWrite1hLong, BigDecimal cacheReadLong,
                    List<String> aliases) {

    private static final BigDecimal W5 = new BigDecimal("1.25");
    private static final BigDecimal W1H = new BigDecimal("2");
    private static final BigDecimal READ = new BigDecimal("0.1");

    public Price {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** The rates that apply to a request reading {@code contextTokens} tokens of context. */
    public Rates rates(long contextTokens) {
        boolean longContext = longContextThreshold != null && contextTokens > longContextThreshold && inputLong != null;
        BigDecimal in = longContext ? inputLong : input;
        BigDecimal out = longContext && outputLong != null ? outputLong : output;
        BigDecimal w5 = longContext && cacheWrite5mLong != null ? cacheWrite5mLong : cacheWrite5m;
        BigDecimal w1 = longContext && cacheWrite1hLong != null ? cacheWrite1hLong : cacheWrite1h;
        BigDecimal r = longContext && cacheReadLong != null ? cacheReadLong : cacheRead;
        return new Rates(in, out, w5 != null ? w5 : in.multiply(W5), w1 != null ? w1 : in.multiply(W1H),
                r != null ? r : in.multiply(READ), longContext);
    }

    /** Effective per-token rates for one request. */
    public record Rates(BigDecimal input, BigDecimal output, BigDecimal cacheWrite5m, BigDecimal cacheWrite1h,
                        BigDecimal cacheRead, boolean longContext) {
    }
}
