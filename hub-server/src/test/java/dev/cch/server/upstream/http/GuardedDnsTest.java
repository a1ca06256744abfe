package dev.cch.server.upstream.http;

import io.helidon.webclient.api.DnsAddressLookup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The connect-time resolver judges the address the client would connect to, whatever form the host was written in. */
class GuardedDnsTest {
    final GuardedDns dns = new GuardedDns();

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "[::ffff:127.0.0.1]", "[::127.0.0.1]", "[64:ff9b::a9fe:a9fe]", "[2002:a00:1::]",
            "2130706433", "0177.0.0.1", "127.000.000.001"})
    void internalAddressesInAnyFormAreRefusedAtConnect(String host) {
        assertThatThrownBy(() -> dns.resolveAddress(host, DnsAddressLookup.defaultLookup()))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("block-private-addresses");
    }

    @Test
    void publicAddressesResolve() {
        assertThat(dns.resolveAddress("8.8.8.8", DnsAddressLookup.defaultLookup()).getHostAddress()).isEqualTo("8.8.8.8");
        assertThat(dns.resolveAddress("[64:ff9b::808:808]", DnsAddressLookup.defaultLookup())).isNotNull();
    }
}
