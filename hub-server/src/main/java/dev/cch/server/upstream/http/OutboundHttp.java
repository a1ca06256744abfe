package dev.cch.server.upstream.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.api.HttpClientRequest;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The hub's own outbound calls (webhook posts, Langfuse batches, price lists), with the provider calls' guard: with
 * {@code hub.providers.block-private-addresses} on, every connect is resolved by {@link GuardedDns}, so a saved
 * public name that later resolves inside the network is refused. Redirects are never followed (they could lead
 * anywhere); the caller sees the 3xx.
 */
public final class OutboundHttp implements AutoCloseable {
    private final WebClient client;
    private final Duration timeout;

    /** What came back: the status and at most the bytes asked for (one more tells the caller it was longer). */
    public record Answer(int status, byte[] body) {
    }

    /** @param timeout bounds the connect and each read */
    public OutboundHttp(Duration timeout, boolean blockPrivateAddresses) {
        this.timeout = timeout;
        var b = WebClient.builder().connectTimeout(timeout).readTimeout(timeout).followRedirects(false)
                .shareConnectionCache(false).sendExpectContinue(false);
        if (blockPrivateAddresses) {
            b.dnsResolver(new GuardedDns());
        }
        this.client = b.build();
    }

    public Answer post(URI uri, Map<String, String> headers, byte[] body, int maxBytes) throws IOException {
        return call(Method.POST, uri, headers, body, maxBytes);
    }

    public Answer get(URI uri, Map<String, String> headers, int maxBytes) throws IOException {
        return call(Method.GET, uri, headers, null, maxBytes);
    }

    /** Network trouble, refusals by the guard included, surfaces as the IOException Helidon wraps. */
    private Answer call(Method method, URI uri, Map<String, String> headers, byte[] body, int maxBytes)
            throws IOException {
        HttpClientRequest req = client.method(method).uri(uri).readTimeout(timeout);
        headers.forEach((name, value) -> req.header(HeaderNames.create(name), value));
        try (HttpClientResponse r = body == null ? req.request() : req.submit(body)) {
            return new Answer(r.status().code(), r.inputStream().readNBytes(maxBytes + 1));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public void close() {
        client.closeResource();
    }
}
