package dev.cch.server.proxy;

import dev.cch.protocol.error.ErrorType;
import dev.cch.protocol.error.HubError;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import org.brotli.dec.BrotliInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Reads a request body with a bound: at most {@code maxBytes} after decoding any gzip, deflate or brotli
 * {@code Content-Encoding}, so neither a huge upload nor a decompression bomb is ever held in memory. A body the hub
 * will not take becomes a {@link HubError} for the pipeline to answer (after authentication, so it is logged).
 */
final class RequestBody {
    /** The body, or why it was refused (then {@code bytes} is empty). */
    record Read(byte[] bytes, HubError problem) {
    }

    private final long maxBytes;

    RequestBody(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    Read read(ServerRequest req) {
        if (!req.content().hasEntity()) {
            return new Read(new byte[0], null);
        }
        long declared = req.headers().contentLength().orElse(-1L);
        if (declared > maxBytes) {
            return tooLarge();
        }
        List<String> codings = codings(req);
        for (String c : codings) {
            if (!List.of("gzip", "x-gzip", "deflate", "br").contains(c)) {
                return new Read(new byte[0], HubError.of(ErrorType.UNSUPPORTED_MEDIA, "unsupported_content_encoding",
                        "Content-Encoding " + c + " is not supported; send the body as identity, gzip, deflate or br"));
            }
        }
        try (InputStream raw = req.content().inputStream()) {
            InputStream in = raw;
            for (int i = codings.size() - 1; i >= 0; i--) {
                in = decoder(codings.get(i), in);
            }
            if (codings.isEmpty() && declared >= 0) {
                // one array of the declared size (readNBytes(int) would gather 16 KB chunks and copy them)
                byte[] exact = new byte[(int) declared];
                int n = in.readNBytes(exact, 0, exact.length);
                return new Read(n == exact.length ? exact : Arrays.copyOf(exact, n), null);
            }
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                return tooLarge();
            }
            return new Read(body, null);
        } catch (IOException | UncheckedIOException e) {
            String what = codings.isEmpty() ? "read" : "decompressed (" + String.join(", ", codings) + ")";
            return new Read(new byte[0], HubError.of(ErrorType.INVALID_REQUEST, "invalid_body",
                    "the request body could not be " + what + ": " + e.getMessage()));
        }
    }

    private Read tooLarge() {
        return new Read(new byte[0], HubError.of(ErrorType.TOO_LARGE, "request_too_large",
                "the request body is larger than this hub accepts (" + maxBytes + " bytes)"));
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
