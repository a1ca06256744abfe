package dev.cch.bench;

import io.helidon.common.socket.SocketOptions;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import io.helidon.webserver.WebServer;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * The framework floor of {@code bin/bench proxy}: Helidon WebServer in, WebClient out, bytes passed through with no
 * auth, parsing, limits or logging — what any Helidon gateway pays before it does anything.
 * Usage: {@code java -cp ... dev.cch.bench.BareRelay <port> <upstream base URL>}.
 */
public final class BareRelay {
    private BareRelay() {
    }

    public static void main(String[] args) {
        WebClient client = WebClient.builder().baseUri(args[1]).connectionCacheSize(4096)
                .socketOptions(SocketOptions.builder().tcpNoDelay(true).build()).build();
        WebServer server = WebServer.builder().host("127.0.0.1").port(Integer.parseInt(args[0]))
                .connectionOptions(SocketOptions.builder().tcpNoDelay(true).build())
                .maxPayloadSize(64L << 20)
                .routing(r -> r.post("/*", (req, res) -> {
                    byte[] body = req.content().as(byte[].class);
                    try (HttpClientResponse up = client.post(req.path().rawPath())
                            .header(HeaderNames.CONTENT_TYPE, req.headers().first(HeaderNames.CONTENT_TYPE).orElse("application/json"))
                            .submit(body)) {
                        res.status(up.status());
                        up.headers().first(HeaderNames.CONTENT_TYPE).ifPresent(v -> res.header(HeaderNames.CONTENT_TYPE, v));
                        try (InputStream in = up.inputStream(); OutputStream out = res.outputStream()) {
                            byte[] b = new byte[16384];
                            for (int n; (n = in.read(b)) != -1; ) {
                                out.write(b, 0, n);
                                out.flush(); // SSE events leave as they come
                            }
                        }
                    }
                }))
                .build().start();
        System.out.println("bare relay on " + server.port());
    }
}
