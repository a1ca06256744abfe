package dev.cch.server.providers;

import org.junit.jupiter.api.Test;
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

    @ParameterizedTest
    @ValueSource(strings = {"::127.0.0.1", "::10.0.0.1", "::ffff:7f00:1", "0:0:0:0:0:ffff:a9fe:a9fe", "64:ff9b::127.0.0.1",
            "64:ff9b::a9fe:a9fe", "64:ff9b:1::a00:1", "2002:7f00:1::", "2002:a9fe:a9fe::1", "2002:c0a8:0101::",
            "2001:0:4136:e378:8000:63bf:80ff:fffe"})
    void ipv6FormsCarryingAnInternalIpv4AreRefused(String address) throws Exception {
        assertThat(PrivateAddresses.kind(InetAddress.getByName(address))).isPresent();
        assertThat(PrivateAddresses.problemOfUrl("http://[" + address + "]:8080/v1")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"64:ff9b::8.8.8.8", "2002:808:808::1", "2001:0:4136:e378:8000:63bf:f7f7:f7f7", "::ffff:1.1.1.1"})
    void ipv6FormsCarryingAPublicIpv4Pass(String address) throws Exception {
        assertThat(PrivateAddresses.kind(InetAddress.getByName(address))).isEmpty();
    }

    @Test
    void theRefusalNamesTheIpv4InsideAndTheForm() throws Exception {
        assertThat(PrivateAddresses.kind(InetAddress.getByName("64:ff9b::a9fe:a9fe")))
                .contains("link-local or metadata (169.254.169.254 inside NAT64)");
        assertThat(PrivateAddresses.kind(InetAddress.getByName("2001:0:4136:e378:8000:63bf:80ff:fffe")))
                .contains("loopback (127.0.0.1 inside Teredo)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x7f.1", "0x7f.0.0.1", "0177.0.0.1", "2130706433", "127.1", "127.0.1", "0x7f000001",
            "127.000.000.001", "0251.0376.0251.0376"})
    void ipv4InHexOctalIntegerOrShortFormIsRefused(String host) {
        assertThat(PrivateAddresses.problem(host)).get().asString().contains("four decimal numbers");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.1:8080/v1", "http://0x7f.1/", "http://2130706433/", "http://0177.0.0.1/",
            "http://127.0.0.1./", "https://user:pw@127.1/", "http://[::ffff:7f00:1]:8080/", "http://[64:ff9b::a9fe:a9fe]/latest"})
    void urlsAreJudgedByWhatTheClientWouldConnectTo(String url) {
        assertThat(PrivateAddresses.problemOfUrl(url)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://8.8.8.8/v1", "https://[2001:4860:4860::8888]/", "https://[64:ff9b::808:808]/"})
    void publicUrlsPass(String url) {
        assertThat(PrivateAddresses.problemOfUrl(url)).isEmpty();
    }
}
