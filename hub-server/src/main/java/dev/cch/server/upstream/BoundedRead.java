package dev.cch.server.upstream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a body up to a limit, so a misbehaving upstream cannot exhaust memory. */
public final class BoundedRead {
    private BoundedRead() {
    }

    /** Thrown when a body is larger than allowed. */
    public static final class TooLarge extends IOException {
        public TooLarge(long limit) {
            super("upstream body larger than " + limit + " bytes");
        }
    }

    public static byte[] read(InputStream in, int limit) throws IOException {
        return read(in, limit, null);
    }

    /**
     * Reads a body whose length the sender declared ({@code Content-Length}, may be null) straight into an array of
     * that size: one small allocation instead of 16 KB buffers for the usual few-hundred-byte reply.
     */
    public static byte[] read(InputStream in, int limit, String declaredLength) throws IOException {
        long declared = parse(declaredLength);
        if (declared > limit) {
            throw new TooLarge(limit);
        }
        ByteArrayOutputStream out;
        if (declared >= 0) {
            byte[] body = in.readNBytes((int) declared);
            int next = in.read();
            if (next == -1) {
                return body;
            }
            out = new ByteArrayOutputStream(body.length + 8192); // the length was wrong: keep reading, still bounded
            out.write(body);
            out.write(next);
        } else {
            out = new ByteArrayOutputStream(8192);
        }
        byte[] buf = new byte[16384];
        int n;
        while ((n = in.read(buf)) != -1) {
            if (out.size() + n > limit) {
                throw new TooLarge(limit);
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static long parse(String declaredLength) {
        if (declaredLength == null) {
            return -1;
        }
        try {
            return Long.parseLong(declaredLength.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Reads at most {@code limit} bytes and stops, for error bodies where only the start matters. */
    public static byte[] head(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        byte[] buf = new byte[4096];
        int n;
        while (out.size() < limit && (n = in.read(buf, 0, Math.min(buf.length, limit - out.size()))) != -1) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
