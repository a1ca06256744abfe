package dev.cch.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A client connection that writes raw bytes (half-sent bodies, trickled headers) and reads whatever comes back. */
public final class RawConnection implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    public RawConnection(String host, int port) throws IOException {
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    /** Writes and flushes; false if the server has already closed the connection. */
    public boolean send(String text) {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public boolean send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    /** What the server sends until it closes the connection, or until {@code timeoutMs} pass (then {@code open}). */
    public Received readUntilClosed(int timeoutMs) throws IOException {
        socket.setSoTimeout(timeoutMs);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                got.write(buf, 0, n);
            }
            return new Received(got.toString(StandardCharsets.UTF_8), false);
        } catch (SocketTimeoutException stillOpen) {
            return new Received(got.toString(StandardCharsets.UTF_8), true);
        } catch (IOException reset) {
            return new Received(got.toString(StandardCharsets.UTF_8), false);
        }
    }

    /** True while the server keeps the connection open (a line can still be written and no end has been read). */
    public boolean stillOpen(String probeLine) {
        try {
            return send(probeLine) && readUntilClosed(1).open();
        } catch (IOException e) {
            return false;
        }
    }

    /** One whole answer (headers and a Content-Length or chunked body) on a connection that stays open. */
    public Received readAnswer(int timeoutMs) throws IOException {
        socket.setSoTimeout(timeoutMs);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!complete(got.toString(StandardCharsets.UTF_8))) {
            int n = in.read(buf);
            if (n < 0) {
                return new Received(got.toString(StandardCharsets.UTF_8), false);
            }
            got.write(buf, 0, n);
        }
        return new Received(got.toString(StandardCharsets.UTF_8), true);
    }

    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = text.substring(0, end).toLowerCase(java.util.Locale.ROOT);
        int cl = head.indexOf("content-length:");
        if (cl >= 0) {
            int eol = head.indexOf("\r\n", cl);
            long length = Long.parseLong(head.substring(cl + 15, eol < 0 ? head.length() : eol).trim());
            return text.length() - end - 4 >= length;
        }
        return text.endsWith("0\r\n\r\n");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** The bytes the server sent, and whether the connection was still open when reading stopped. */
    public record Received(String text, boolean open) {
        public int status() {
            return text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : -1;
        }

        public String body() {
            int at = text.indexOf("\r\n\r\n");
            return at < 0 ? "" : text.substring(at + 4);
        }
    }
}
