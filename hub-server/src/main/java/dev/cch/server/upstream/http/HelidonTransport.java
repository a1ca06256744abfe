package dev.cch.server.upstream.http;

import dev.cch.server.pipeline.ErrorKind;
import dev.cch.server.pipeline.Headers;
import dev.cch.server.providers.PrivateAddresses;
import dev.cch.server.providers.Provider;
import dev.cch.server.upstream.UpstreamRequest;
import dev.cch.server.upstream.UpstreamResponse;
import dev.cch.server.upstream.UpstreamResult;
import dev.cch.server.upstream.UpstreamTransport;
import dev.cch.server.upstream.Watchdog;
import io.helidon.common.socket.SocketOptions;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.api.HttpClientRequest;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;

import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends upstream calls with Helidon WebClient: one client per provider (its own connection cache, connect timeout
 * and proxy), TCP_NODELAY on, keep-alive. Waiting for response headers is bounded by the request's header timeout,
 * enforced by interrupting the waiting virtual thread, which closes its socket.
 */
public final class HelidonTransport implements UpstreamTransport {
    /** Upper bound on any single socket read, far above every configurable timeout's default. */
    private static final Duration SAFETY_NET = Duration.ofMinutes(30);

    private final Watchdog watchdog;
    private final boolean blockPrivateAddresses;
    private final ProxyRouting proxies;
    private final Map<Long, ClientEntry> clients = new ConcurrentHashMap<>();

    private record ClientEntry(Provider provider, WebClient direct, WebClient proxied) {
    }

    /** @param blockPrivateAddresses refuse to connect to private, loopback, link-local or metadata addresses */
    public HelidonTransport(Watchdog watchdog, ProxyRouting proxies, boolean blockPrivateAddresses) {
        this.blockPrivateAddresses = blockPrivateAddresses;
        this.watchdog = watchdog;
        this.proxies = proxies;
    }

    @Override
    public UpstreamResult send(UpstreamRequest request) {
        Provider p = request.provider();
        ClientEntry entry = clients.compute(p.id(), (id, old) -> old != null && old.provider().equals(p) ? old : create(p));
        if (entry.proxied() == null) {
            return call(entry.direct(), request, false);
        }
        UpstreamResult viaProxy = call(entry.proxied(), request, true);
        if (viaProxy instanceof UpstreamResult.Failed f && f.kind() == ErrorKind.PROXY_FAILURE && p.proxyFallbackToDirect()) {
            return call(entry.direct(), request, false);
        }
        return viaProxy;
    }

    private ClientEntry create(Provider p) {
        WebClient direct = client(p, false);
        WebClient proxied = p.proxy().isPresent() ? client(p, true) : null;
        return new ClientEntry(p, direct, proxied);
    }

    private WebClient client(Provider p, boolean viaProxy) {
        Duration connect = Duration.ofMillis(p.timeouts().connectMs());
        var b = WebClient.builder()
                .connectTimeout(connect)
                .readTimeout(SAFETY_NET)
                .socketOptions(SocketOptions.builder().tcpNoDelay(true).connectTimeout(connect).readTimeout(SAFETY_NET).build())
                .followRedirects(false)
                .shareConnectionCache(false)
                .connectionCacheSize(512)
                .sendExpectContinue(false)
                .keepAlive(true);
        if (viaProxy) {
            b.proxy(proxies.helidonProxy(p.proxy().orElseThrow()));
        } else if (blockPrivateAddresses) {
            b.dnsResolver(new GuardedDns());
        }
        return b.build();
    }

    private UpstreamResult call(WebClient client, UpstreamRequest r, boolean viaProxy) {
        if (viaProxy && blockPrivateAddresses) {
            // the proxy resolves the provider itself; the hub can only vouch for the proxy's own address
            var refused = PrivateAddresses.problem(r.provider().proxy().orElseThrow().host());
            if (refused.isPresent()) {
                return new UpstreamResult.Failed(ErrorKind.PROXY_FAILURE, "proxy " + GuardedDns.refusal(refused.get()));
            }
        }
        HttpClientRequest req = client.method(Method.POST).uri(r.uri()).readTimeout(SAFETY_NET);
        r.headers().forEach((name, values) -> req.header(HeaderNames.create(name), values));
        Thread me = Thread.currentThread();
        Duration headerTimeout = r.headerTimeout();
        Watchdog.Watch watch = watchdog.watch(headerTimeout == null ? 0 : headerTimeout.toNanos(), "first byte",
                me::interrupt);
        HttpClientResponse response = null;
        Throwable failure = null;
        try (var socks = proxies.bind(viaProxy ? r.provider().proxy().orElse(null) : null)) {
            response = req.submit(r.body());
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            if (watch.disarm()) {
                Thread.interrupted(); // the watchdog's interrupt has been delivered; don't let it leak on
            }
        }
        if (watch.fired()) {
            if (response != null) {
                response.close();
            }
            return new UpstreamResult.Failed(ErrorKind.FIRST_BYTE_TIMEOUT,
                    "no response within " + headerTimeout.toMillis() + " ms");
        }
        if (failure != null) {
            return new UpstreamResult.Failed(classify(failure, viaProxy), describe(failure));
        }
        return new UpstreamResult.Received(new Received(response));
    }

    static ErrorKind classify(Throwable t, boolean viaProxy) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SocketTimeoutException s) {
                return s.getMessage() != null && s.getMessage().toLowerCase().contains("connect")
                        ? (viaProxy ? ErrorKind.PROXY_FAILURE : ErrorKind.CONNECT_TIMEOUT) : ErrorKind.FIRST_BYTE_TIMEOUT;
            }
            if (c instanceof ConnectException || c instanceof NoRouteToHostException || c instanceof UnknownHostException) {
                return viaProxy ? ErrorKind.PROXY_FAILURE : ErrorKind.CONNECTION_REFUSED;
            }
            if (c instanceof SocketException) {
                String m = String.valueOf(c.getMessage()).toLowerCase();
                if (viaProxy && (m.contains("socks") || m.contains("proxy"))) {
                    return ErrorKind.PROXY_FAILURE;
                }
                return ErrorKind.CONNECTION_RESET;
            }
            if (viaProxy && c.getMessage() != null && c.getMessage().toLowerCase().contains("proxy")) {
                return ErrorKind.PROXY_FAILURE;
            }
        }
        return ErrorKind.CONNECTION_RESET;
    }

    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    @Override
    public void close() {
        clients.values().forEach(e -> {
            e.direct().closeResource();
            if (e.proxied() != null) {
                e.proxied().closeResource();
            }
        });
        clients.clear();
    }

    /** A WebClient response seen through the transport interface. */
    private static final class Received implements UpstreamResponse {
        private final HttpClientResponse response;
        private final Headers headers = new Headers();

        Received(HttpClientResponse response) {
            this.response = response;
            response.headers().forEach(h -> h.allValues().forEach(v -> headers.add(h.name(), v)));
        }

        @Override
        public int status() {
            return response.status().code();
        }

        @Override
        public Headers headers() {
            return headers;
        }

        @Override
        public InputStream body() {
            return response.inputStream();
        }

        @Override
        public void abort() {
            response.close();
        }

        @Override
        public void close() {
            response.close();
        }
    }
}
