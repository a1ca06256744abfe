package dev.cch.server.providers;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

/** Which addresses count as private for the provider address guard. */
class PrivateAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "100.64.0.1", "100.100.100.200", "0.0.0.0", "224.0.0.1", "::1", "::", "fe80::1",
            "fd00:ec2::254", "fc00::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254"})
    void internalAddressesAreRefused(String address) throws Exception {
        assertThat(PrivateAddresses.kind(InetAddress.getByName(address))).isPresent();
        assertThat(PrivateAddresses.problem(address)).get().asString().contains(address.replace("::ffff:", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2001:4860:4860::8888", "::ffff:8.8.8.8"})
    void publicAddressesPass(String address) throws Exception {
        assertThat(PrivateAddresses.kind(InetAddress.getByName(address))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080/v1", "https://[::1]/", "http://10.0.0.5:3128"})
    void urlsAreCheckedByTheirHost(String url) {
        assertThat(PrivateAddresses.problemOfUrl(url)).isPresent();
    }
}
