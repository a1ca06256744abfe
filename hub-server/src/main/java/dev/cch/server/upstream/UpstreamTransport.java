package dev.cch.server.upstream;

/** Sends requests to providers. Implemented over Helidon WebClient; tests may substitute it. */
public interface UpstreamTransport extends AutoCloseable {
    UpstreamResult send(UpstreamRequest request);

    @Override
    default void close() {
    }
}
