package dev.cch.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real proxy on loopback for tests: an HTTP proxy (absolute-form requests and CONNECT tunnels, optional Basic
 * auth) or a SOCKS5 proxy (optional username/password). It relays bytes and remembers what it saw.
 */
public final class TestProxy implements AutoCloseable {
    /** What the proxy speaks. */
    public enum Kind { HTTP, SOCKS5 }

    private final Kind kind;
    private final String user;
    private final String password;
    private final ServerSocket server;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();

    public TestProxy(Kind kind, String user, String password) throws IOException {
        this.kind = kind;
        this.user = user;
        this.password = password;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** One line per connection: {@code absolute POST http://…}, {@code CONNECT host:port} or {@code SOCKS host:port}. */
    public List<String> seen() {
        return seen;
    }

    /** Connections refused for bad credentials. */
    public int refused() {
        return refused.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            if (kind == Kind.SOCKS5) {
                socks(client);
            } else {
                http(client);
            }
        } catch (IOException e) {
            // a side went away: the tunnel ends
        }
    }

    private void http(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        byte[] head = readHead(in);
        String headText = new String(head, StandardCharsets.ISO_8859_1);
        String requestLine = headText.substring(0, headText.indexOf("\r\n"));
        if (user != null) {
            String expected = "proxy-authorization: basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8)).toLowerCase();
            if (!headText.toLowerCase().contains(expected)) {
                refused.incrementAndGet();
                client.getOutputStream().write("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                return;
            }
        }
        String[] parts = requestLine.split(" ");
        if (parts[0].equals("CONNECT")) {
            seen.add("CONNECT " + parts[1]);
            String[] hp = parts[1].split(":");
            try (Socket target = new Socket(hp[0], Integer.parseInt(hp[1]))) {
                client.getOutputStream().write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                pipe(client, target, new byte[0]);
            }
            return;
        }
        seen.add("absolute " + parts[0] + " " + parts[1]);
        java.net.URI uri = java.net.URI.create(parts[1]);
        try (Socket target = new Socket(uri.getHost(), uri.getPort())) {
            pipe(client, target, head);
        }
    }

    private void socks(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        OutputStream out = client.getOutputStream();
        int version = in.read();
        int n = in.read();
        byte[] methods = in.readNBytes(n);
        if (version != 5) {
            return;
        }
        boolean wantsAuth = user != null;
        int method = wantsAuth ? 2 : 0;
        boolean offered = false;
        for (byte m : methods) {
            offered |= m == method;
        }
        if (!offered) {
            refused.incrementAndGet();
            out.write(new byte[] {5, (byte) 0xFF});
            return;
        }
        out.write(new byte[] {5, (byte) method});
        if (wantsAuth) {
            in.read();
            String u = new String(in.readNBytes(in.read()), StandardCharsets.UTF_8);
            String p = new String(in.readNBytes(in.read()), StandardCharsets.UTF_8);
            boolean ok = u.equals(user) && p.equals(password);
            out.write(new byte[] {1, (byte) (ok ? 0 : 1)});
            if (!ok) {
                refused.incrementAndGet();
                return;
            }
        }
        in.read();
        int cmd = in.read();
        in.read();
        int atyp = in.read();
        String host = switch (atyp) {
            case 1 -> InetAddress.getByAddress(in.readNBytes(4)).getHostAddress();
            case 3 -> new String(in.readNBytes(in.read()), StandardCharsets.US_ASCII);
            case 4 -> InetAddress.getByAddress(in.readNBytes(16)).getHostAddress();
            default -> throw new IOException("bad address type");
        };
        int port = (in.read() << 8) | in.read();
        if (cmd != 1) {
            return;
        }
        seen.add("SOCKS " + host + ":" + port);
        try (Socket target = new Socket()) {
            target.connect(new InetSocketAddress(host, port));
            out.write(new byte[] {5, 0, 0, 1, 127, 0, 0, 1, 0, 0});
            pipe(client, target, new byte[0]);
        }
    }

    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        int state = 0;
        while ((c = in.read()) != -1) {
            b.write(c);
            state = (c == '\r' && (state == 0 || state == 2)) ? state + 1 : (c == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
            if (state == 4) {
                break;
            }
        }
        return b.toByteArray();
    }

    private static void pipe(Socket client, Socket target, byte[] first) throws IOException {
        target.getOutputStream().write(first);
        Thread back = Thread.ofVirtual().start(() -> {
            try {
                target.getInputStream().transferTo(client.getOutputStream());
            } catch (IOException e) {
                // closed
            } finally {
                try {
                    client.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        });
        try {
            client.getInputStream().transferTo(target.getOutputStream());
        } finally {
            target.close();
            try {
                back.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
