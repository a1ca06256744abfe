package dev.cch.protocol.admin;

/**
 * Upstream timeouts of a provider in milliseconds; 0 turns one off (connect always has one).
 *
 * @param firstByteMs     until the first content event of a stream, or the response of a non-streaming call
 * @param streamingIdleMs between two reads of a stream
 * @param requestMs       a whole non-streaming call
 */
public record Timeouts(Integer connectMs, Integer firstByteMs, Integer streamingIdleMs, Integer requestMs) {
    public static final Timeouts DEFAULT = new Timeouts(30_000, 0, 0, 0);

    public Timeouts {
        connectMs = connectMs == null ? 30_000 : connectMs;
        firstByteMs = firstByteMs == null ? 0 : firstByteMs;
        streamingIdleMs = streamingIdleMs == null ? 0 : streamingIdleMs;
        requestMs = requestMs == null ? 0 : requestMs;
    }

    public Validation validate(Validation v) {
        return v.range("connectMs", connectMs, 100, 600_000)
                .range("firstByteMs", firstByteMs, 0, 600_000)
                .range("streamingIdleMs", streamingIdleMs, 0, 3_600_000)
                .range("requestMs", requestMs, 0, 7_200_000);
    }
}
