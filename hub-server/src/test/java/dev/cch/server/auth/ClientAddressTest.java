package dev.cch.server.auth;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientAddressTest {
    final ClientAddress behindProxies = new ClientAddress(List.of("10.0.0.0/8", "192.168.1.5", "fd00::/8"));

    @Test
    void withoutTrustedProxiesTheSocketsPeerIsTheCallerWhateverTheHeaderSays() {
        assertThat(new ClientAddress(List.of()).of("10.0.0.1", List.of("203.0.113.7"))).isEqualTo("10.0.0.1");
    }

    @Test
    void aPeerThatIsNotATrustedProxyIsTheCallerEvenWhenItSendsTheHeader() {
        assertThat(behindProxies.of("198.51.100.9", List.of("203.0.113.7"))).isEqualTo("198.51.100.9");
    }

    @Test
    void behindTrustedProxiesTheRightmostUntrustedHopIsTheCallerAndSpoofedEntriesToItsLeftAreIgnored() {
        assertThat(behindProxies.of("10.0.0.1", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(behindProxies.of("10.0.0.1", List.of("1.1.1.1, 203.0.113.7", "192.168.1.5"))).isEqualTo("203.0.113.7");
        assertThat(behindProxies.of("10.0.0.1", List.of("not-an-address, 203.0.113.7, 10.2.3.4"))).isEqualTo("203.0.113.7");
    }

    @Test
    void garbageWhereAnAddressShouldBeStopsAtTheLastTrustedHopAndNothingIsResolved() {
        assertThat(behindProxies.of("10.0.0.1", List.of("203.0.113.7, evil.example.com"))).isEqualTo("10.0.0.1");
        assertThat(behindProxies.of("10.0.0.1", List.of("203.0.113.7, 999.1.1.1"))).isEqualTo("10.0.0.1");
        assertThat(behindProxies.of("10.0.0.1", List.of())).isEqualTo("10.0.0.1");
    }

    @Test
    void allHopsTrustedGivesTheLeftmost() {
        assertThat(behindProxies.of("10.0.0.1", List.of("10.9.9.9, 192.168.1.5"))).isEqualTo("10.9.9.9");
    }

    @Test
    void ipv6PortsAndBracketsAreUnderstood() {
        assertThat(behindProxies.of("fd00::1", List.of("[2001:db8::7]:4711"))).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(behindProxies.of("10.0.0.1", List.of("203.0.113.7:5555"))).isEqualTo("203.0.113.7");
        assertThat(behindProxies.of("fe80::1", List.of("203.0.113.7"))).as("fe80::/10 is not in fd00::/8").isEqualTo("fe80::1");
    }

    @Test
    void aBadTrustedProxySettingIsRefusedAtStart() {
        assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/33"))).hasMessageContaining("10.0.0.0/33");
        assertThatThrownBy(() -> new ClientAddress(List.of("proxy.internal"))).hasMessageContaining("proxy.internal");
    }
}
