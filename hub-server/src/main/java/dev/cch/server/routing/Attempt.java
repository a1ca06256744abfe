package dev.cch.server.routing;

import dev.cch.server.pipeline.Exchange;
import dev.cch.server.pipeline.Headers;
import dev.cch.server.providers.Provider;

/**
 * One try of one provider. Attempt steps fill in what is sent: the body (converted, model redirected), the
 * upstream path and headers.
 */
public final class Attempt {
    private final Exchange exchange;
    private final Provider provider;
    private final int number;
    private String upstreamModel;
    private byte[] body;
    private String path;
    private Headers headers = new Headers();
    private ResponseConversion conversion;

    public Attempt(Exchange exchange, Provider provider, int number) {
        this.exchange = exchange;
        this.provider = provider;
        this.number = number;
        this.upstreamModel = exchange.request().model();
        this.body = exchange.request().body();
    }

    public Exchange exchange() {
        return exchange;
    }

    public Provider provider() {
        return provider;
    }

    public int number() {
        return number;
    }

    public String upstreamModel() {
        return upstreamModel;
    }

    public void upstreamModel(String m) {
        this.upstreamModel = m;
    }

    public byte[] body() {
        return body;
    }

    public void body(byte[] b) {
        this.body = b;
    }

    /** The upstream path and query, e.g. {@code /v1/messages?beta=true}. */
    public String path() {
        return path;
    }

    public void path(String p) {
        this.path = p;
    }

    /** How the answer is converted back to the caller's protocol, or null to pass it through untouched. */
    public ResponseConversion conversion() {
        return conversion;
    }

    public void conversion(ResponseConversion c) {
        this.conversion = c;
    }

    public Headers headers() {
        return headers;
    }

    public void headers(Headers h) {
        this.headers = h;
    }
}
