package dev.cch.protocol.convert.dialect;

import dev.cch.protocol.ClientProtocol;
import dev.cch.protocol.convert.Converter.ResponseContext;

import java.util.function.Supplier;

/** Everything that reads and writes one protocol; converters are composed from two dialects. */
public record Dialect(ClientProtocol protocol, RequestReader requestReader, RequestWriter requestWriter,
                      ResponseReader responseReader, ResponseWriter responseWriter,
                      Supplier<StreamReader> streamReaders, StreamWriters streamWriters) {

    /** Makes a stream writer for one client stream. */
    @FunctionalInterface
    public interface StreamWriters {
        /** @param now epoch seconds, for protocols that report a creation time */
        StreamWriter create(ResponseContext ctx, long now);
    }
}
