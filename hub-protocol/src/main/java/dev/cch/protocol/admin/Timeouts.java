package dev.cch.protocol.admin;

/**
 * Upstream timeouts of a provider in milliseconds; 0 turns one off (connect always has one). Left out, each takes
 * its default, so a hanging provider never holds a client: it fails over instead.
 *
 * @param firstByteMs     until the first content event of a stream (default 90 s)
 * @param streamingIdleMs between two reads of a stream (default 120 s)
 * @param requestMs       a whole non-streaming call, whose answer only starts when it is done (default 600 s)
 */
public record Timeouts(Integer connectMs, Integer firstByteMs, Integer streamingIdleMs, Integer requestMs) {
    public static final int CONNECT_MS = 30_000;
    public static final int FIRST_BYTE_MS = 90_000;
    public static final int STREAMING_IDLE_MS = 120_000;
    public static final int REQUEST_MS = 600_000;
    public static final Timeouts DEFAULT = new Timeouts(CONNECT_MS, FIRST_BYTE_MS, STREAMING_IDLE_MS, REQUEST_MS);

    public Timeouts {
        connectMs = connectMs == null ? CONNECT_MS : connectMs;
        firstByteMs = firstByteMs == null ? FIRST_BYTE_MS : firstByteMs;
        streamingIdleMs = streamingIdleMs == null ? STREAMING_IDLE_MS : streamingIdleMs;
        requestMs = requestMs == null ? REQUEST_MS : requestMs;
    }

    public Validation validate(Validation v) {
        return v.range("connectMs", connectMs, 100, 600_000)
                .range("firstByteMs", firstByteMs, 0, 600_000)
                .range("streamingIdleMs", streamingIdleMs, 0, 3_600_000)
                .range("requestMs", requestMs, 0, 7_200_000);
    }
}
