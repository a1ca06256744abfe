package dev.cch.server.auth;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The caller's address, as lockout counts it: the socket's peer, unless that peer is a trusted proxy
 * ({@code hub.auth.trusted-proxies}); then the rightmost {@code X-Forwarded-For} address that is not a trusted proxy.
 * Each proxy appends the address it saw, so only that hop is vouched for: anything left of it the client may have
 * written. With no trusted proxies (the default) the header is ignored.
 */
public final class ClientAddress {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<Range> trusted;

    /** A block of addresses, {@code address/bits} (a bare address is the block of itself). */
    record Range(byte[] network, int bits) {
        static Range parse(String cidr) {
            int slash = cidr.indexOf('/');
            InetAddress a = literal(slash < 0 ? cidr : cidr.substring(0, slash));
            if (a == null) {
                throw new IllegalArgumentException("hub.auth.trusted-proxies: not an address or CIDR block: " + cidr);
            }
            int max = a.getAddress().length * 8;
            int bits;
            try {
                bits = slash < 0 ? max : Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > max) {
                throw new IllegalArgumentException("hub.auth.trusted-proxies: bad prefix length in " + cidr);
            }
            return new Range(a.getAddress(), bits);
        }

        boolean contains(InetAddress a) {
            byte[] b = a.getAddress();
            if (b.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((b[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** @param trustedProxies CIDR blocks or addresses of the reverse proxies in front of the hub */
    public ClientAddress(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::trim).filter(s -> !s.isEmpty()).map(Range::parse).toList();
    }

    /**
     * @param peer         the socket's remote address (null if unknown)
     * @param forwardedFor every {@code X-Forwarded-For} header value, in order
     */
    public String of(String peer, List<String> forwardedFor) {
        InetAddress hop = peer == null ? null : literal(peer);
        if (hop == null || !trusted(hop)) {
            return peer;
        }
        List<String> entries = forwardedFor.stream().flatMap(v -> java.util.Arrays.stream(v.split(","))).toList();
        for (int i = entries.size() - 1; i >= 0; i--) {
            InetAddress a = literal(entries.get(i));
            if (a == null) {
                break; // garbage where a trusted proxy should have written an address: trust no further than its hop
            }
            hop = a;
            if (!trusted(a)) {
                break;
            }
        }
        return hop.getHostAddress();
    }

    private boolean trusted(InetAddress a) {
        return trusted.stream().anyMatch(r -> r.contains(a));
    }

    /** An IP address written literally (ports and IPv6 brackets allowed), never a name to resolve; null otherwise. */
    static InetAddress literal(String s) {
        String t = s.trim();
        if (t.startsWith("[") && t.contains("]")) {
            t = t.substring(1, t.indexOf(']'));
        } else if (t.indexOf(':') > 0 && t.indexOf(':') == t.lastIndexOf(':') && t.contains(".")) {
            t = t.substring(0, t.indexOf(':')); // IPv4 with a port
        }
        try {
            if (IPV4.matcher(t).matches()) {
                String[] parts = t.split("\\.");
                byte[] b = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(parts[i]);
                    if (octet > 255) {
                        return null;
                    }
                    b[i] = (byte) octet;
                }
                return InetAddress.getByAddress(b);
            }
            if (IPV6.matcher(t).matches()) {
                URI.create("http://[" + t + "]/"); // validates the literal, so the lookup below never asks DNS
                return InetAddress.getByName(t);
            }
        } catch (IllegalArgumentException | UnknownHostException e) {
            return null;
        }
        return null;
    }
}
