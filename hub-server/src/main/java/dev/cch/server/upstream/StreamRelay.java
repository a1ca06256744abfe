package dev.cch.server.upstream;

import dev.cch.protocol.convert.StreamTranslator;
import dev.cch.protocol.error.ErrorBodies;
import dev.cch.protocol.error.ErrorType;
import dev.cch.protocol.error.HubError;
import dev.cch.protocol.sse.SseEvent;
import dev.cch.protocol.sse.SseFramer;
import dev.cch.protocol.sse.SseWriter;
import dev.cch.protocol.usage.StreamTap;
import dev.cch.server.pipeline.ErrorKind;
import dev.cch.server.pipeline.Exchange;
import dev.cch.server.pipeline.ProxyReply;
import dev.cch.server.routing.AttemptResult;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * Relays one upstream event stream to the client. Before the commit point it only buffers: frames are held back
 * until the first content event, so an upstream that fails early can still be replaced without the client seeing
 * anything. After it, every read is forwarded and flushed at once (same-protocol frames byte for byte, or
 * translated), while a tap reads usage and watches for errors.
 */
final class StreamRelay implements ProxyReply.StreamBody {
    private final UpstreamResponse upstream;
    private final InputStream in;
    private final Exchange exchange;
    private final StreamTap tap;
    private final StreamTranslator translator;
    private final Watchdog watchdog;
    private final long idleNanos;
    private final ErrorBodies errors;
    private final SseFramer framer = new SseFramer();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream(4096);
    private final byte[] buf = new byte[16384];
    private boolean ended;

    StreamRelay(UpstreamResponse upstream, Exchange exchange, StreamTap tap, StreamTranslator translator,
                Watchdog watchdog, long idleNanos, ErrorBodies errors) {
        this.upstream = upstream;
        this.in = upstream.body();
        this.exchange = exchange;
        this.tap = tap;
        this.translator = translator;
        this.watchdog = watchdog;
        this.idleNanos = idleNanos;
        this.errors = errors;
    }

    /**
     * Reads until the first content event (the commit point). Returns null when the stream may be committed,
     * otherwise the failure, after which the upstream is closed.
     *
     * @param firstContentNanos time left for the first content event, or 0 for no limit
     */
    AttemptResult.Failure awaitFirstContent(long firstContentNanos) {
        long start = System.nanoTime();
        Thread reader = Thread.currentThread();
        Watchdog.Watch watch = watchdog.watch(0, null, reader::interrupt);
        AttemptResult.Failure failure = null;
        try {
            while (!tap.contentStarted() && !ended) {
                armPreCommit(watch, start, firstContentNanos);
                int n = in.read(buf);
                if (n < 0) {
                    ended = true;
                    tap.onEnd();
                    break;
                }
                feed(n);
                if (tap.error() != null && !tap.contentStarted()) {
                    failure = AttemptResult.Failure.of(ErrorKind.FAKE_200,
                            "stream reported an error before any content: " + tap.error());
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            String why = watch.firedReason();
            failure = why == null
                    ? AttemptResult.Failure.of(ErrorKind.CONNECTION_RESET, "stream broke before any content: " + e.getMessage())
                    : AttemptResult.Failure.of(why.equals("first byte") ? ErrorKind.FIRST_BYTE_TIMEOUT : ErrorKind.STREAM_IDLE_TIMEOUT,
                    "no " + (why.equals("first byte") ? "content" : "event") + " from the upstream in time");
        } finally {
            if (watch.disarm()) {
                Thread.interrupted();
            }
        }
        if (failure == null && !tap.contentStarted()) {
            failure = AttemptResult.Failure.of(ErrorKind.FAKE_200, tap.error() != null
                    ? "stream reported an error before any content: " + tap.error()
                    : "stream ended before any content");
        }
        if (failure != null) {
            upstream.abort();
            return failure;
        }
        exchange.markFirstToken();
        return null;
    }

    private void armPreCommit(Watchdog.Watch watch, long start, long firstContentNanos) {
        long toFirst = firstContentNanos > 0 ? firstContentNanos - (System.nanoTime() - start) : Long.MAX_VALUE;
        if (toFirst <= 0) {
            toFirst = 1;
        }
        if (idleNanos > 0 && idleNanos < toFirst) {
            watch.arm(idleNanos, "streaming idle");
        } else if (toFirst != Long.MAX_VALUE) {
            watch.arm(toFirst, "first byte");
        }
    }

    @Override
    public void writeTo(OutputStream client) throws IOException {
        Watchdog.Watch idle = watchdog.watch(idleNanos, "streaming idle", upstream::abort);
        try {
            flush(client);
            while (!ended) {
                int n;
                try {
                    n = in.read(buf);
                } catch (IOException | RuntimeException e) {
                    // Helidon reports a dropped upstream as IOException or as its own runtime exceptions
                    broken(client, idle.fired() ? ErrorKind.STREAM_IDLE_TIMEOUT : ErrorKind.STREAM_BROKEN,
                            idle.fired() ? "upstream sent nothing for " + idleNanos / 1_000_000 + " ms" : "upstream stream broke: " + e.getMessage());
                    return;
                }
                if (idleNanos > 0) {
                    idle.arm(idleNanos, "streaming idle");
                }
                if (n < 0) {
                    ended = true;
                    end(client);
                    return;
                }
                feed(n);
                flush(client);
            }
            end(client);
        } catch (IOException clientWentAway) {
            exchange.clientGone(true);
            exchange.failed(499, ErrorKind.CLIENT_ABORT, "client closed the connection");
            upstream.abort();
            throw clientWentAway;
        } finally {
            idle.disarm();
            upstream.close();
            exchange.usage(tap.usage());
            exchange.actualModel(tap.model());
            exchange.stopReason(tap.stopReason());
        }
    }

    private void end(OutputStream client) throws IOException {
        tap.onEnd();
        if (framer.hasRemainder() && translator == null) {
            pending.write(framer.remainder());
        }
        if (!tap.completed()) {
            flush(client);
            broken(client, ErrorKind.STREAM_BROKEN, tap.error() != null
                    ? "upstream reported an error mid-stream: " + tap.error()
                    : "upstream stream ended without its final event");
            return;
        }
        if (translator != null) {
            translator.onEnd(this::emit);
        }
        flush(client);
    }

    private void broken(OutputStream client, ErrorKind kind, String message) throws IOException {
        exchange.failed(200, kind, message);
        HubError e = new HubError(502, ErrorType.UPSTREAM, message, kind.name().toLowerCase(), Map.of());
        pending.write(errors.renderStreamEvent(exchange.request().protocol(), e));
        flush(client);
    }

    private void feed(int n) {
        framer.feed(buf, 0, n, this::onFrame);
    }

    private void onFrame(byte[] frame) {
        SseEvent event = SseEvent.parse(frame);
        tap.onEvent(event);
        if (translator == null) {
            pending.writeBytes(frame);
        } else {
            translator.onEvent(event, this::emit);
        }
    }

    private void emit(SseEvent clientEvent) {
        pending.writeBytes(SseWriter.encode(clientEvent));
    }

    /** Writes what is pending to the client; any failure there means the client went away. */
    private void flush(OutputStream client) throws IOException {
        if (pending.size() > 0) {
            try {
                pending.writeTo(client);
                pending.reset();
                client.flush();
            } catch (RuntimeException e) {
                // Helidon reports a closed client connection as an unchecked exception
                throw new IOException("client closed the connection", e);
            }
        }
    }
}
