package dev.cch.server.upstream.http;

import dev.cch.server.providers.PrivateAddresses;
import io.helidon.webclient.api.DnsAddressLookup;
import io.helidon.webclient.spi.DnsResolver;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Resolves hosts for the web client and refuses private, loopback, link-local and metadata addresses (also inside
 * IPv6 forms that carry IPv4) and IPv4 in ambiguous forms. The address checked is the address connected to, so a
 * name that resolved to a public address when it was saved cannot be re-pointed inside the network later (DNS
 * rebinding). A URL whose host Helidon cannot read reaches here as {@code localhost}, and is refused as such.
 */
final class GuardedDns implements DnsResolver {

    @Override
    public boolean useDefaultJavaResolver() {
        return false;
    }

    @Override
    public InetAddress resolveAddress(String hostname, DnsAddressLookup lookup) {
        refuse(PrivateAddresses.ambiguousIpv4(hostname));
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(hostname);
        } catch (UnknownHostException e) {
            throw new UncheckedIOException(e);
        }
        refuse(PrivateAddresses.firstPrivate(hostname, all));
        InetAddress[] preferred = lookup.filter(all);
        return preferred.length > 0 ? preferred[0] : all[0];
    }

    private static void refuse(Optional<String> problem) {
        if (problem.isPresent()) {
            throw new UncheckedIOException(new UnknownHostException(refusal(problem.get())));
        }
    }

    static String refusal(String problem) {
        return "refused: " + problem + " (hub.providers.block-private-addresses is on)";
    }
}
