package dev.cch.server.providers;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Addresses a provider must not point at when {@code hub.providers.block-private-addresses} is on: loopback,
 * private (RFC 1918, IPv6 unique-local), link-local (which holds the cloud metadata service 169.254.169.254),
 * carrier-grade NAT (100.64/10, where some clouds put metadata), unspecified and multicast. Checked when a provider is
 * saved and again at every connect, so a name that later resolves elsewhere (DNS rebinding) is still refused.
 */
public final class PrivateAddresses {
    private PrivateAddresses() {
    }

    /** What kind of non-public address this is, or empty for a public one. */
    public static Optional<String> kind(InetAddress a) {
        if (a instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return kind(InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException impossible) {
                    return Optional.of("invalid");
                }
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return Optional.of("private (unique-local)");
            }
        }
        if (a.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (a.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (a.isLinkLocalAddress()) {
            return Optional.of("link-local or metadata");
        }
        if (a.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (a.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        if (a instanceof Inet4Address) {
            byte[] b = a.getAddress();
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 100 && second >= 64 && second < 128) {
                return Optional.of("carrier-grade NAT");
            }
            if (first == 0) {
                return Optional.of("unspecified");
            }
        }
        return Optional.empty();
    }

    /** Why a host (name or literal) may not be used, or empty if all its addresses are public or it does not resolve. */
    public static Optional<String> problem(String host) {
        if (host == null) {
            return Optional.empty();
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            for (InetAddress a : InetAddress.getAllByName(bare)) {
                Optional<String> k = kind(a);
                if (k.isPresent()) {
                    return Optional.of(host + " resolves to " + a.getHostAddress() + ", a " + k.get() + " address");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** {@link #problem(String)} for the host of a URL; unparseable URLs are left to the URL validation. */
    public static Optional<String> problemOfUrl(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            return problem(URI.create(url.trim()).getHost());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
