package dev.cch.server.pipeline;

import java.io.IOException;
import java.io.OutputStream;

/** What the pipeline answers: a complete body, or a stream the edge pumps to the client. */
public sealed interface ProxyReply permits ProxyReply.Buffered, ProxyReply.Streamed {

    int status();

    Headers headers();

    /** A complete response body. */
    record Buffered(int status, Headers headers, byte[] body) implements ProxyReply {
    }

    /** A streamed response: the edge sends status and headers, then lets the body write itself. */
    record Streamed(int status, Headers headers, StreamBody body) implements ProxyReply {
    }

    /** Writes a stream to the client, flushing per event. Throws only when writing to the client fails. */
    interface StreamBody {
        void writeTo(OutputStream client) throws IOException;
    }
}
