package dev.cch.server.proxy;

import io.helidon.http.Headers;
import io.helidon.http.encoding.ContentDecoder;
import io.helidon.http.encoding.ContentEncoder;
import io.helidon.http.encoding.ContentEncodingContext;
import io.helidon.http.encoding.ContentEncodingContextConfig;

/**
 * Lets every request {@code Content-Encoding} through to the handlers undecoded. Helidon would refuse an unknown
 * coding with a bare 400 before routing; the proxy decodes gzip, deflate and br itself, with its size bound, and answers
 * any other coding with 415 in the caller's protocol. Responses are never compressed by the server.
 */
public final class EncodingPassThrough implements ContentEncodingContext {
    private final ContentEncodingContextConfig prototype = ContentEncodingContextConfig.builder().buildPrototype();

    @Override
    public ContentEncodingContextConfig prototype() {
        return prototype;
    }

    @Override
    public boolean contentEncodingEnabled() {
        return false;
    }

    @Override
    public boolean contentDecodingEnabled() {
        return true;
    }

    @Override
    public boolean contentEncodingSupported(String encodingId) {
        return false;
    }

    @Override
    public boolean contentDecodingSupported(String encodingId) {
        return true;
    }

    @Override
    public ContentEncoder encoder(String encodingId) {
        return ContentEncoder.NO_OP;
    }

    @Override
    public ContentDecoder decoder(String encodingId) {
        return ContentDecoder.NO_OP;
    }

    @Override
    public ContentEncoder encoder(Headers headers) {
        return ContentEncoder.NO_OP;
    }
}
