package dev.cch.protocol.usage;

/**
 * Token usage of one request, normalised whatever the protocol. Buckets are disjoint (Anthropic semantics):
 * {@code input} excludes cache reads and cache writes. {@code output} includes {@code reasoning}, which is
 * reported separately for information only.
 */
public record Usage(long input, long output, long cacheRead, long cacheWrite5m, long cacheWrite1h, long reasoning) {
    public static final Usage ZERO = new Usage(0, 0, 0, 0, 0, 0);

    public Usage {
        if (input < 0 || output < 0 || cacheRead < 0 || cacheWrite5m < 0 || cacheWrite1h < 0 || reasoning < 0) {
            throw new IllegalArgumentException("negative token count");
        }
    }

    public long cacheWrite() {
        return cacheWrite5m + cacheWrite1h;
    }

    /** Everything the model read: fresh input plus cache reads and writes. Used for long-context pricing. */
    public long contextTokens() {
        return input + cacheRead + cacheWrite();
    }

    public long totalTokens() {
        return contextTokens() + output;
    }

    public boolean isZero() {
        return equals(ZERO);
    }

    public Usage plus(Usage o) {
        return new Usage(input + o.input, output + o.output, cacheRead + o.cacheRead,
                cacheWrite5m + o.cacheWrite5m, cacheWrite1h + o.cacheWrite1h, reasoning + o.reasoning);
    }
}
