package dev.cch.server.web;

import dev.cch.server.testing.TestHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The hub serves HTTPS with the keystore named under {@code server.tls}, as the README describes. */
class TlsTest {
    static final String PASSWORD = "changeit-tls-test";

    @Test
    void theHubAnswersOverHttpsWithAConfiguredKeystore(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("hub.p12");
        generateSelfSigned(keystore);
        try (TestHub hub = TestHub.start(Map.of(
                "server.tls.private-key.keystore.resource.path", keystore.toString(),
                "server.tls.private-key.keystore.passphrase", PASSWORD,
                "server.tls.private-key.keystore.key.alias", "hub",
                "server.tls.trust-all", "false"))) {
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(keystore)).build();
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + hub.server().port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.sslSession()).isPresent();
            assertThat(health.sslSession().get().getPeerPrincipal().getName()).contains("CN=localhost");

            HttpClient plain = HttpClient.newHttpClient();
            assertThat(catching(() -> plain.send(HttpRequest.newBuilder(URI.create("http://localhost:" + hub.server().port()
                    + "/health")).build(), HttpResponse.BodyHandlers.ofString()))).as("plain HTTP is not served").isTrue();
        }
    }

    interface Call {
        HttpResponse<String> run() throws Exception;
    }

    /** Whether a plain HTTP call failed or was refused, i.e. did not get the health answer. */
    static boolean catching(Call c) {
        try {
            return c.run().statusCode() != 200;
        } catch (Exception expected) {
            return true;
        }
    }

    static void generateSelfSigned(Path keystore) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "hub", "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(Files.size(keystore)).isPositive();
    }

    static SSLContext trusting(Path keystore) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
