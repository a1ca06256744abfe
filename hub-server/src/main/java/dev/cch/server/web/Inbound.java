package dev.cch.server.web;

import dev.cch.server.pipeline.Headers;
import io.helidon.webserver.http.ServerRequest;

import java.net.InetSocketAddress;

/** What the hub's framework-free parts need of a Helidon request, converted once at the edge. */
public final class Inbound {
    private Inbound() {
    }

    /** Every header of the request. */
    public static Headers headers(ServerRequest req) {
        Headers h = new Headers();
        req.headers().forEach(x -> x.allValues().forEach(v -> h.add(x.name(), v)));
        return h;
    }

    /** The socket's remote address, null if it has none (the caller may be behind a proxy: see ClientAddress). */
    public static String peer(ServerRequest req) {
        return req.remotePeer().address() instanceof InetSocketAddress a && a.getAddress() != null
                ? a.getAddress().getHostAddress() : null;
    }
}
