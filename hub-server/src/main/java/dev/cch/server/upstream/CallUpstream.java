package dev.cch.server.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.ClientProtocol;
import dev.cch.protocol.error.ErrorBodies;
import dev.cch.protocol.usage.StreamTap;
import dev.cch.protocol.usage.UsageExtractor;
import dev.cch.server.pipeline.ErrorKind;
import dev.cch.server.pipeline.Exchange;
import dev.cch.server.pipeline.Headers;
import dev.cch.server.pipeline.ProxyReply;
import dev.cch.server.pipeline.Redactor;
import dev.cch.server.providers.Provider;
import dev.cch.server.routing.Attempt;
import dev.cch.server.routing.AttemptResult;
import dev.cch.server.routing.AttemptStep;
import dev.cch.server.routing.ErrorClassifier;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The last attempt step: calls the provider and turns what comes back into either an answer for the client or a
 * classified failure. Non-streaming bodies are read whole and checked for fake 200s; streams are held until their
 * first content event (see {@link StreamRelay}).
 */
public final class CallUpstream implements AttemptStep {
    private static final int MAX_BODY = 64 * 1024 * 1024;
    private static final int MAX_ERROR_BODY = 256 * 1024;

    private final UpstreamTransport transport;
    private final Watchdog watchdog;
    private final ObjectMapper mapper;
    private final ErrorBodies errorBodies;
    private final ErrorClassifier classifier;

    public CallUpstream(UpstreamTransport transport, Watchdog watchdog, ObjectMapper mapper, ErrorBodies errorBodies,
                        ErrorClassifier classifier) {
        this.transport = transport;
        this.watchdog = watchdog;
        this.mapper = mapper;
        this.errorBodies = errorBodies;
        this.classifier = classifier;
    }

    @Override
    public AttemptResult handle(Attempt a, Next next) {
        Exchange ex = a.exchange();
        Provider p = a.provider();
        boolean stream = ex.request().stream();
        var t = p.timeouts();
        // a stream must show its first content within firstByteMs; a non-streaming answer only starts when it is
        // done, so its whole call (headers included) has requestMs
        int headerMs = stream ? t.firstByteMs() : t.requestMs();
        Duration headerTimeout = headerMs > 0 ? Duration.ofMillis(headerMs) : null;
        URI uri;
        try {
            uri = URI.create(UpstreamUrl.join(p.baseUrl(), a.path(), null));
        } catch (IllegalArgumentException e) {
            return AttemptResult.Failure.of(ErrorKind.CONNECTION_REFUSED, "provider URL is invalid");
        }
        long sent = System.nanoTime();
        UpstreamResult result = transport.send(new UpstreamRequest(p, uri, a.headers(), a.body(), stream, headerTimeout));
        if (result instanceof UpstreamResult.Failed f) {
            return AttemptResult.Failure.of(f.kind(), Redactor.redact(f.message(), p.secret().reveal()));
        }
        UpstreamResponse response = ((UpstreamResult.Received) result).response();
        ex.markFirstByte();
        int status = response.status();
        if (status >= 300 && status < 400) {
            return redirected(a, response, status);
        }
        if (status < 200 || status >= 300) {
            return errorResponse(a, response, status);
        }
        if (!stream) {
            long total = t.requestMs() > 0
                    ? Math.max(1, Duration.ofMillis(t.requestMs()).toNanos() - (System.nanoTime() - sent)) : 0;
            return buffered(a, response, total);
        }
        long firstContent = t.firstByteMs() > 0
                ? Math.max(1, Duration.ofMillis(t.firstByteMs()).toNanos() - (System.nanoTime() - sent)) : 0;
        return streamed(a, response, firstContent, t.streamingIdleMs() * 1_000_000L);
    }

    /** Checked before the admin error rules, so no rule can hand a redirect (or its empty body) to the client. */
    private static AttemptResult redirected(Attempt a, UpstreamResponse response, int status) {
        String location = response.headers().first("location");
        response.abort();
        String message = "HTTP " + status + (location == null ? "" : " to " + Redactor.truncate(location, 200))
                + " (redirects are not followed)";
        return new AttemptResult.Failure(ErrorKind.UPSTREAM_REDIRECT, status,
                Redactor.redact(message, a.provider().secret().reveal()), null, null);
    }

    private AttemptResult errorResponse(Attempt a, UpstreamResponse response, int status) {
        byte[] body;
        try (response) {
            body = BoundedRead.head(response.body(), MAX_ERROR_BODY);
        } catch (IOException | RuntimeException e) {
            body = new byte[0];
        }
        // the provider's own secret never travels on, not even a piece of it cut off at the bound
        body = Redactor.redact(body, a.provider().secret().reveal());
        String text = new String(body, StandardCharsets.UTF_8);
        ErrorClassifier.Verdict v = classifier.classify(status, text);
        String message = "HTTP " + status + ": " + Redactor.truncate(Redactor.redact(text), 300);
        Headers headers = response.headers();
        byte[] returned = v.overrideBody() != null ? v.overrideBody().getBytes(StandardCharsets.UTF_8) : body;
        Integer returnedStatus = v.overrideStatus() != null ? v.overrideStatus() : status;
        return new AttemptResult.Failure(v.kind(), returnedStatus, message, returned, headers);
    }

    private AttemptResult buffered(Attempt a, UpstreamResponse response, long totalNanosLeft) {
        Exchange ex = a.exchange();
        Watchdog.Watch watch = watchdog.watch(totalNanosLeft > 0 ? totalNanosLeft : 0, "total", response::abort);
        byte[] body;
        try (response) {
            body = BoundedRead.read(response.body(), MAX_BODY, response.headers().first("content-encoding") == null
                    ? response.headers().first("content-length") : null);
        } catch (IOException | RuntimeException e) {
            boolean timedOut = watch.fired();
            return AttemptResult.Failure.of(timedOut ? ErrorKind.TOTAL_TIMEOUT : ErrorKind.CONNECTION_RESET,
                    timedOut ? "upstream did not finish in time" : "upstream body broke: " + e.getMessage());
        } finally {
            watch.disarm();
        }
        JsonNode[] parsed = new JsonNode[1];
        String fake = Fake200.problem(body, response.headers().first("content-type"), mapper, parsed);
        if (fake != null) {
            return AttemptResult.Failure.of(ErrorKind.FAKE_200, Redactor.redact(fake, a.provider().secret().reveal()));
        }
        ClientProtocol providerProtocol = a.provider().type().protocol();
        ex.usage(UsageExtractor.fromResponse(providerProtocol, parsed[0]));
        JsonNode modelNode = UsageExtractor.unwrapGemini(parsed[0]).get(providerProtocol == ClientProtocol.GEMINI ? "modelVersion" : "model");
        ex.actualModel(modelNode == null ? null : modelNode.asText());
        Headers h = new Headers();
        byte[] out = body;
        if (a.conversion() != null) {
            try {
                out = a.conversion().body(parsed[0]);
            } catch (RuntimeException e) {
                return AttemptResult.Failure.of(ErrorKind.CONVERSION, "cannot convert the provider's answer: " + e.getMessage());
            }
            h.set("content-type", "application/json");
        } else {
            String ct = response.headers().first("content-type");
            h.set("content-type", ct == null ? "application/json" : ct);
        }
        return new AttemptResult.Success(new ProxyReply.Buffered(200, h, out));
    }

    private AttemptResult streamed(Attempt a, UpstreamResponse response, long firstContentNanos, long idleNanos) {
        Exchange ex = a.exchange();
        String ct = response.headers().first("content-type");
        if (ct == null || !ct.toLowerCase().contains("text/event-stream")) {
            byte[] body;
            try (response) {
                body = BoundedRead.head(response.body(), MAX_ERROR_BODY);
            } catch (IOException | RuntimeException e) {
                body = new byte[0];
            }
            String fake = Fake200.problem(body, ct, mapper, new JsonNode[1]);
            return AttemptResult.Failure.of(ErrorKind.FAKE_200, Redactor.redact(
                    fake != null ? fake : "expected an event stream, got " + ct, a.provider().secret().reveal()));
        }
        StreamTap tap = StreamTap.forProtocol(a.provider().type().protocol(), mapper);
        StreamRelay relay = new StreamRelay(response, ex, tap, a.conversion() == null ? null : a.conversion().stream(),
                watchdog, idleNanos, errorBodies);
        AttemptResult.Failure failure = relay.awaitFirstContent(firstContentNanos);
        if (failure != null) {
            return failure;
        }
        Headers h = new Headers()
                .set("content-type", "text/event-stream; charset=utf-8")
                .set("cache-control", "no-cache")
                .set("x-accel-buffering", "no");
        return new AttemptResult.Success(new ProxyReply.Streamed(200, h, relay));
    }
}
