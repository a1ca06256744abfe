package dev.cch.server.upstream.http;

import dev.cch.server.providers.PrivateAddresses;
import io.helidon.webclient.api.DnsAddressLookup;
import io.helidon.webclient.spi.DnsResolver;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Resolves provider hosts for the web client and refuses private, loopback, link-local and metadata addresses. The
 * address checked is the address connected to, so a name that resolved to a public address when the provider was
 * saved cannot be re-pointed inside the network later (DNS rebinding).
 */
final class GuardedDns implements DnsResolver {

    @Override
    public boolean useDefaultJavaResolver() {
        return false;
    }

    @Override
    public InetAddress resolveAddress(String hostname, DnsAddressLookup lookup) {
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(hostname);
        } catch (UnknownHostException e) {
            throw new UncheckedIOException(e);
        }
        for (InetAddress a : all) {
            Optional<String> kind = PrivateAddresses.kind(a);
            if (kind.isPresent()) {
                throw new UncheckedIOException(new UnknownHostException(refusal(hostname + " resolves to "
                        + a.getHostAddress() + ", a " + kind.get() + " address")));
            }
        }
        InetAddress[] preferred = lookup.filter(all);
        return preferred.length > 0 ? preferred[0] : all[0];
    }

    static String refusal(String problem) {
        return "refused: " + problem + " (hub.providers.block-private-addresses is on)";
    }
}
