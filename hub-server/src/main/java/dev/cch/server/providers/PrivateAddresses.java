package dev.cch.server.providers;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Addresses the hub must not call when {@code hub.providers.block-private-addresses} is on: loopback, private
 * (RFC 1918, IPv6 unique-local), link-local (which holds the cloud metadata service 169.254.169.254), carrier-grade
 * NAT (100.64/10, where some clouds put metadata), unspecified and multicast, also when an IPv6 address carries one
 * of them inside (IPv4-mapped, IPv4-compatible, NAT64, 6to4, Teredo). Checked when a URL is saved and again at every
 * connect, so a name that later resolves elsewhere (DNS rebinding) is still refused.
 */
public final class PrivateAddresses {
    /** What {@code inet_aton} reads as IPv4: one to four parts, each decimal, octal (leading 0) or hex (0x). */
    private static final Pattern NUMERIC_HOST = Pattern.compile("(?i)(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+)){0,3}\\.?");
    private static final Pattern DOTTED_QUAD = Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
            + "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

    private PrivateAddresses() {
    }

    /** What kind of non-public address this is, or empty for a public one. */
    public static Optional<String> kind(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (a.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (a instanceof Inet6Address v6) {
            Optional<String> inside = embeddedKind(v6.getAddress());
            if (inside.isPresent()) {
                return inside;
            }
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
            int first = a.getAddress()[0] & 0xff;
            int second = a.getAddress()[1] & 0xff;
            if (first == 100 && second >= 64 && second < 128) {
                return Optional.of("carrier-grade NAT");
            }
            if (first == 0) {
                return Optional.of("unspecified");
            }
        }
        return Optional.empty();
    }

    /** IPv6 ranges that are private themselves or reach an IPv4 address written inside them. */
    private static Optional<String> embeddedKind(byte[] b) {
        if ((b[0] & 0xfe) == 0xfc) {
            return Optional.of("private (unique-local)");
        }
        if (startsWith(b, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff)) {
            return inside(b, 12, false, "IPv4-mapped");
        }
        if (startsWith(b, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)) {
            return inside(b, 12, false, "IPv4-compatible");
        }
        if (startsWith(b, 0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0)) {
            return inside(b, 12, false, "NAT64");
        }
        if (startsWith(b, 0x00, 0x64, 0xff, 0x9b, 0x00, 0x01)) {
            // the local-use prefix may embed IPv4 at several offsets and only ever leads into a local network
            return Optional.of("local-use NAT64");
        }
        if (startsWith(b, 0x20, 0x02)) {
            return inside(b, 2, false, "6to4");
        }
        if (startsWith(b, 0x20, 0x01, 0x00, 0x00)) {
            // Teredo: the server's IPv4 in bits 32-63, the client's (where packets go) inverted in the last 32
            return inside(b, 12, true, "Teredo").or(() -> inside(b, 4, false, "Teredo"));
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> inside(byte[] b, int at, boolean inverted, String form) {
        byte[] v4 = Arrays.copyOfRange(b, at, at + 4);
        for (int i = 0; inverted && i < 4; i++) {
            v4[i] = (byte) ~v4[i];
        }
        try {
            InetAddress embedded = InetAddress.getByAddress(v4);
            return kind(embedded).map(k -> k + " (" + embedded.getHostAddress() + " inside " + form + ")");
        } catch (UnknownHostException impossible) {
            return Optional.of("invalid");
        }
    }

    /** Why a host (name or literal) may not be used, or empty if all its addresses are public or it does not resolve. */
    public static Optional<String> problem(String host) {
        if (host == null) {
            return Optional.empty();
        }
        Optional<String> ambiguous = ambiguousIpv4(host);
        if (ambiguous.isPresent()) {
            return ambiguous;
        }
        try {
            return firstPrivate(host, InetAddress.getAllByName(bare(host)));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * IPv4 in hex, octal, integer or short form is refused whatever it means: readers disagree on it (the JDK takes
     * {@code 0177.0.0.1} as decimal, C resolvers and many proxies as octal, 127.0.0.1).
     */
    public static Optional<String> ambiguousIpv4(String host) {
        String bare = bare(host);
        if (NUMERIC_HOST.matcher(bare).matches() && !DOTTED_QUAD.matcher(bare).matches()) {
            return Optional.of(host + " is an IPv4 address in hex, octal, integer or short form, which resolvers read"
                    + " differently; write it as four decimal numbers");
        }
        return Optional.empty();
    }

    /** Why {@code host} may not be used given the addresses it resolved to: the first non-public one, if any. */
    public static Optional<String> firstPrivate(String host, InetAddress[] resolved) {
        for (InetAddress a : resolved) {
            Optional<String> k = kind(a);
            if (k.isPresent()) {
                return Optional.of(host + " resolves to " + a.getHostAddress() + ", a " + k.get() + " address");
            }
        }
        return Optional.empty();
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /**
     * {@link #problem(String)} for the host of a URL. An authority that is no valid host ({@code 127.1}) is refused:
     * Helidon's client would connect to localhost instead. Other unparseable URLs are left to the URL validation.
     */
    public static Optional<String> problemOfUrl(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI u = URI.create(url.trim());
            if (u.getHost() == null && u.getRawAuthority() != null) {
                String authority = u.getRawAuthority();
                return Optional.of(authority.substring(authority.lastIndexOf('@') + 1)
                        + " is not a host name or address the hub can check");
            }
            return problem(u.getHost());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
