package dev.cch.server.upstream.http;

import dev.cch.server.providers.ProxySpec;
import io.helidon.webclient.api.Proxy;

import java.io.IOException;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Outbound proxies per provider. HTTP and HTTPS proxies are Helidon {@link Proxy} settings (HTTPS proxy URLs use
 * CONNECT tunnelling). SOCKS5 has no Helidon proxy type, so it goes through the JVM's socket layer: a JVM-wide
 * {@link ProxySelector} that answers SOCKS only for http(s) connections made by a thread that is calling a
 * SOCKS-proxied provider (see {@link #bind}), and {@code NO_PROXY} for everything else, so database and Redis
 * sockets are never routed through a proxy.
 */
public final class ProxyRouting {
    private final ThreadLocal<ProxySpec> current = new ThreadLocal<>();
    private final ProxySelector previous;

    public ProxyRouting() {
        this.previous = ProxySelector.getDefault();
    }

    /** Installs the JVM-wide selector and SOCKS authenticator. Call once from the composition root. */
    public void install() {
        ProxySelector.setDefault(new Selector());
        Authenticator.setDefault(new SocksAuthenticator());
    }

    /** Helidon proxy settings for a provider's proxy. */
    Proxy helidonProxy(ProxySpec spec) {
        if (spec.kind() == ProxySpec.Kind.SOCKS5) {
            return Proxy.builder().type(Proxy.ProxyType.SYSTEM).build();
        }
        Proxy.Builder b = Proxy.builder().type(Proxy.ProxyType.HTTP).host(spec.host()).port(spec.port())
                .forceHttpConnect(spec.kind() == ProxySpec.Kind.HTTPS);
        if (spec.hasCredentials()) {
            b.username(spec.username()).password(spec.password().reveal().toCharArray());
        }
        return b.build();
    }

    /** Marks the calling thread as connecting through {@code spec} (if it is SOCKS) until the binding is closed. */
    Binding bind(ProxySpec spec) {
        if (spec == null || spec.kind() != ProxySpec.Kind.SOCKS5) {
            return () -> { };
        }
        current.set(spec);
        return current::remove;
    }

    /** Ends a thread's proxy binding. */
    @FunctionalInterface
    interface Binding extends AutoCloseable {
        @Override
        void close();
    }

    private final class Selector extends ProxySelector {
        @Override
        public List<java.net.Proxy> select(URI uri) {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return List.of(java.net.Proxy.NO_PROXY);
            }
            ProxySpec spec = current.get();
            if (spec != null) {
                return List.of(new java.net.Proxy(java.net.Proxy.Type.SOCKS,
                        new InetSocketAddress(spec.host(), spec.port())));
            }
            return previous == null ? List.of(java.net.Proxy.NO_PROXY) : previous.select(uri);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            // failures are reported to the caller as PROXY_FAILURE; nothing to remember here
        }
    }

    private final class SocksAuthenticator extends Authenticator {
        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
            ProxySpec spec = current.get();
            if (spec == null || !spec.hasCredentials() || !"SOCKS5".equalsIgnoreCase(getRequestingProtocol())) {
                return null;
            }
            return new PasswordAuthentication(spec.username(), spec.password().reveal().toCharArray());
        }
    }
}
