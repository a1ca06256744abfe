package dev.cch.server.upstream;

import dev.cch.server.pipeline.Headers;

import java.io.InputStream;

/** A provider's response whose body has not been read yet. Close it; {@link #abort()} drops the connection. */
public interface UpstreamResponse extends AutoCloseable {
    int status();

    Headers headers();

    InputStream body();

    /** Drops the connection now; a read blocked on another thread fails. */
    void abort();

    @Override
    void close();
}
