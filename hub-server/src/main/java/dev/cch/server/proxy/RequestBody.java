package dev.cch.server.proxy;

import dev.cch.protocol.error.ErrorType;
import dev.cch.protocol.error.HubError;
import dev.cch.server.pipeline.BodySource;
import dev.cch.server.upstream.Watchdog;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import org.brotli.dec.BrotliInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Reads request bodies, for the pipeline to ask for once the caller is authenticated. A body is bounded three ways:
 * at most {@code maxBytes} after decoding any gzip, deflate or brotli {@code Content-Encoding} (no huge upload or
 * decompression bomb is held); its buffer grows as bytes arrive, and only within the hub-wide {@link BodyBudget}; and it
 * must arrive within {@code deadline}, after which the read is cut.
 */
public final class RequestBody {
    /** The most allocated for a declared length before its bytes arrive (the declaration is not believed). */
    static final int STEP = 1 << 20;

    private final long maxBytes;
    private final BodyBudget budget;
    private final Duration deadline;
    private final Watchdog watchdog;

    public RequestBody(long maxBytes, BodyBudget budget, Duration deadline, Watchdog watchdog) {
        this.maxBytes = maxBytes;
        this.budget = budget;
        this.deadline = deadline;
        this.watchdog = watchdog;
    }

    /** The body of this request, read only when the pipeline asks for it. */
    BodySource source(ServerRequest req) {
        return new Source(req);
    }

    private final class Source implements BodySource {
        private final ServerRequest req;
        private long reserved;

        Source(ServerRequest req) {
            this.req = req;
        }

        @Override
        public boolean present() {
            return req.content().hasEntity();
        }

        @Override
        public void release() {
            budget.release(reserved);
            reserved = 0;
        }

        @Override
        public Body read() {
            if (!req.content().hasEntity()) {
                return Body.EMPTY;
            }
            long declared = req.headers().contentLength().orElse(-1L);
            if (declared > maxBytes) {
                return tooLarge();
            }
            List<String> codings = codings(req);
            for (String c : codings) {
                if (!List.of("gzip", "x-gzip", "deflate", "br").contains(c)) {
                    return new Body(new byte[0], HubError.of(ErrorType.UNSUPPORTED_MEDIA, "unsupported_content_encoding",
                            "Content-Encoding " + c + " is not supported; send the body as identity, gzip, deflate or br"));
                }
            }
            // a body that does not arrive in time is cut: the reading thread is interrupted, which closes the socket
            Watchdog.Watch cut = watchdog.watch(deadline.toNanos(), "body", Thread.currentThread()::interrupt);
            try (InputStream raw = req.content().inputStream()) {
                InputStream in = raw;
                for (int i = codings.size() - 1; i >= 0; i--) {
                    in = decoder(codings.get(i), in);
                }
                boolean exact = codings.isEmpty() && declared >= 0;
                return readAll(in, exact ? declared : maxBytes, exact);
            } catch (IOException | RuntimeException e) {
                if (cut.disarm()) {
                    return new Body(new byte[0], HubError.of(ErrorType.REQUEST_TIMEOUT, "body_timeout",
                            "the request body did not arrive within " + deadline.toSeconds() + " s"));
                }
                String what = codings.isEmpty() ? "read" : "decompressed (" + String.join(", ", codings) + ")";
                return new Body(new byte[0], HubError.of(ErrorType.INVALID_REQUEST, "invalid_body",
                        "the request body could not be " + what + ": " + e.getMessage()));
            } finally {
                if (cut.disarm()) {
                    Thread.interrupted(); // a cut that fired after the last read must not reach the pipeline
                }
            }
        }

        /**
         * Reads a body of at most {@code limit} bytes. The buffer starts at the declared length (up to {@link #STEP})
         * or small, and doubles as bytes arrive, each growth reserved from the budget first: never more than twice
         * what was received is allocated, and a full buffer is only handed on once the body is seen to end.
         */
        private Body readAll(InputStream in, long limit, boolean declared) throws IOException {
            byte[] buf = new byte[0];
            int n = 0;
            while (true) {
                if (n == buf.length) {
                    if (n >= limit) {
                        if (in.read() < 0) {
                            break;
                        }
                        return tooLarge();
                    }
                    long want = n > 0 ? 2L * n : declared ? Math.min(limit, STEP) : 16_384;
                    int grown = (int) Math.min(limit, want);
                    if (!budget.tryReserve(grown - n)) {
                        return busy();
                    }
                    reserved += grown - n;
                    buf = Arrays.copyOf(buf, grown);
                }
                int k = in.read(buf, n, buf.length - n);
                if (k < 0) {
                    break;
                }
                n += k;
            }
            return new Body(n == buf.length ? buf : Arrays.copyOf(buf, n), null);
        }
    }

    private BodySource.Body tooLarge() {
        return new BodySource.Body(new byte[0], HubError.of(ErrorType.TOO_LARGE, "request_too_large",
                "the request body is larger than this hub accepts (" + maxBytes + " bytes)"));
    }

    private BodySource.Body busy() {
        return new BodySource.Body(new byte[0], HubError.of(ErrorType.UNAVAILABLE, "hub_busy",
                "the hub is holding as many request bodies as it may (" + budget.limit() + " bytes); retry shortly"));
    }

    /** Content codings in the order they were applied, {@code identity} left out. */
    private static List<String> codings(ServerRequest req) {
        List<String> out = new ArrayList<>(1);
        req.headers().all(HeaderNames.CONTENT_ENCODING, List::of).forEach(v -> {
            for (String part : v.split(",")) {
                String c = part.trim().toLowerCase(Locale.ROOT);
                if (!c.isEmpty() && !c.equals("identity")) {
                    out.add(c);
                }
            }
        });
        return out;
    }

    private static InputStream decoder(String coding, InputStream in) throws IOException {
        if (coding.equals("br")) {
            return new BrotliInputStream(in);
        }
        if (coding.equals("deflate")) {
            // RFC 9110 deflate is zlib-wrapped, but some clients send raw deflate: a zlib stream starts 0x?8 with a
            // header checksum divisible by 31
            BufferedInputStream b = new BufferedInputStream(in, 2);
            b.mark(2);
            int cmf = b.read();
            int flg = b.read();
            b.reset();
            boolean zlib = cmf >= 0 && flg >= 0 && (cmf & 0x0f) == 8 && ((cmf << 8) | flg) % 31 == 0;
            return new InflaterInputStream(b, new Inflater(!zlib));
        }
        return new GZIPInputStream(in);
    }
}
