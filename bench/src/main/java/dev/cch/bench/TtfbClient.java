package dev.cch.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Time to the first SSE event of a streamed request, on one keep-alive connection, measured from the last byte of
 * the request to the arrival of the first {@code event:} bytes. Raw sockets keep client overhead equal for every target.
 */
final class TtfbClient implements AutoCloseable {
    private static final byte[] EVENT = "event:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LAST_CHUNK = "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Socket socket;
    private final byte[] request;
    private final byte[] buf = new byte[65536];

    TtfbClient(int port, String path, String body, String apiKey) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "anthropic-version: 2023-06-01\r\nx-api-key: " + apiKey + "\r\nContent-Length: " + b.length + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        request = Arrays.copyOf(h, h.length + b.length);
        System.arraycopy(b, 0, request, h.length, b.length);
    }

    /** Sends one request, reads the whole (chunked) stream, returns microseconds to the first event. */
    long once() throws IOException {
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        out.write(request);
        out.flush();
        long start = System.nanoTime();
        long first = -1;
        int len = 0;
        while (true) {
            int n = in.read(buf, len, buf.length - len);
            if (n < 0) {
                throw new IOException("connection closed mid-response");
            }
            len += n;
            if (first < 0 && indexOf(buf, len, EVENT) >= 0) {
                first = System.nanoTime();
            }
            if (len >= LAST_CHUNK.length && indexOf(buf, len, LAST_CHUNK) == len - LAST_CHUNK.length) {
                return (first - start) / 1000;
            }
            if (len == buf.length) {
                throw new IOException("response larger than " + buf.length + " bytes");
            }
        }
    }

    private static int indexOf(byte[] b, int len, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= len; i++) {
            for (int j = 0; j < what.length; j++) {
                if (b[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
