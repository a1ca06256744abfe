package dev.cch.protocol.sse;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Splits a byte stream into raw SSE frames (everything up to and including the blank line that ends an event),
 * whatever the chunking. Frames keep their original bytes so a same-protocol relay can forward them untouched.
 * Accepts \n, \r\n and \r line endings. Not thread-safe: one per stream.
 */
public final class SseFramer {
    private final int maxFrameBytes;
    private byte[] buf = new byte[4096];
    private int len;
    private int scan;
    private int lineStart;

    public SseFramer(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    public SseFramer() {
        this(16 * 1024 * 1024);
    }

    /** Feeds bytes; calls {@code frames} once for each complete frame. */
    public void feed(byte[] bytes, int off, int n, Consumer<byte[]> frames) {
        ensure(len + n);
        System.arraycopy(bytes, off, buf, len, n);
        len += n;
        while (scan < len) {
            byte b = buf[scan];
            if (b == '\n' || b == '\r') {
                int terminatorEnd = scan + 1;
                if (b == '\r') {
                    if (scan + 1 >= len) {
                        return; // need the next byte to know whether this is \r\n
                    }
                    if (buf[scan + 1] == '\n') {
                        terminatorEnd = scan + 2;
                    }
                }
                boolean emptyLine = scan == lineStart;
                if (emptyLine) {
                    if (scan == 0) {
                        // blank line with no frame before it (stray separator): drop it
                        compact(terminatorEnd);
                        continue;
                    }
                    byte[] frame = Arrays.copyOf(buf, terminatorEnd);
                    compact(terminatorEnd);
                    frames.accept(frame);
                    continue;
                }
                lineStart = terminatorEnd;
                scan = terminatorEnd;
            } else {
                scan++;
            }
        }
        if (len > maxFrameBytes) {
            throw new IllegalStateException("SSE frame larger than " + maxFrameBytes + " bytes");
        }
    }

    /** Bytes received after the last complete frame (a truncated event at end of stream), or an empty array. */
    public byte[] remainder() {
        return Arrays.copyOf(buf, len);
    }

    public boolean hasRemainder() {
        for (int i = 0; i < len; i++) {
            if (buf[i] != '\n' && buf[i] != '\r' && buf[i] != ' ') {
                return true;
            }
        }
        return false;
    }

    private void compact(int consumed) {
        System.arraycopy(buf, consumed, buf, 0, len - consumed);
        len -= consumed;
        scan = 0;
        lineStart = 0;
    }

    private void ensure(int capacity) {
        if (capacity > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(capacity, buf.length * 2));
        }
    }
}
