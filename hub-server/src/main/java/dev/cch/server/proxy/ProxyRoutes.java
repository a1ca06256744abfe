package dev.cch.server.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.ClientProtocol;
import dev.cch.protocol.error.ErrorType;
import dev.cch.protocol.error.HubError;
import dev.cch.server.pipeline.Endpoint;
import dev.cch.server.pipeline.ErrorKind;
import dev.cch.server.pipeline.Exchange;
import dev.cch.server.pipeline.Finish;
import dev.cch.server.pipeline.HeaderHygiene;
import dev.cch.server.pipeline.Headers;
import dev.cch.server.pipeline.Pipeline;
import dev.cch.server.pipeline.ProxyReply;
import dev.cch.server.pipeline.ProxyRequest;
import dev.cch.server.pipeline.Replies;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The proxy edge: turns a Helidon request into a {@link ProxyRequest} once, runs the pipeline, writes its answer
 * (streams flushed per event) and finishes the exchange. Nothing past this class sees Helidon types.
 */
public final class ProxyRoutes implements HttpService {
    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class.getName());

    private final Pipeline pipeline;
    private final Finish finish;
    private final Replies replies;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final InFlight inFlight;
    private final RequestBody bodies;

    public ProxyRoutes(Pipeline pipeline, Finish finish, Replies replies, ObjectMapper mapper, Clock clock,
                       InFlight inFlight, RequestBody bodies) {
        this.bodies = bodies;
        this.pipeline = pipeline;
        this.finish = finish;
        this.replies = replies;
        this.mapper = mapper;
        this.clock = clock;
        this.inFlight = inFlight;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/v1/messages", (req, res) -> handle(req, res, Endpoint.MESSAGES, null))
                .post("/v1/messages/count_tokens", (req, res) -> handle(req, res, Endpoint.COUNT_TOKENS, null))
                .post("/v1/chat/completions", (req, res) -> handle(req, res, Endpoint.CHAT_COMPLETIONS, null))
                .post("/v1/responses", (req, res) -> handle(req, res, Endpoint.RESPONSES, null))
                .post("/v1beta/models/*", this::gemini)
                .post("/v1/models/*", this::gemini)
                .any("/v1/*", this::unknown)
                .any("/v1beta/*", this::unknown);
    }

    private void unknown(ServerRequest req, ServerResponse res) {
        String path = req.path().path();
        ClientProtocol shape = path.startsWith("/v1beta") ? ClientProtocol.GEMINI
                : req.headers().contains(HeaderNames.create("anthropic-version")) ? ClientProtocol.ANTHROPIC : ClientProtocol.OPENAI_CHAT;
        Unknown.answer(res, shape, replies, "the hub has no endpoint " + req.prologue().method().text() + " " + path);
    }

    private void gemini(ServerRequest req, ServerResponse res) {
        String path = req.path().path();
        String last = path.substring(path.indexOf("/models/") + "/models/".length());
        int colon = last.lastIndexOf(':');
        String model = colon > 0 ? last.substring(0, colon) : last;
        String action = colon > 0 ? last.substring(colon + 1) : "";
        Endpoint e = switch (action) {
            case "generateContent" -> Endpoint.GEMINI_GENERATE;
            case "streamGenerateContent" -> Endpoint.GEMINI_STREAM;
            case "countTokens" -> Endpoint.GEMINI_COUNT_TOKENS;
            default -> null;
        };
        if (e == null || model.isBlank()) {
            Unknown.answer(res, ClientProtocol.GEMINI, replies, "unknown Gemini method: " + last);
            return;
        }
        String decoded;
        try {
            decoded = java.net.URLDecoder.decode(model.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            Unknown.answer(res, ClientProtocol.GEMINI, replies, "the model in the path is not validly escaped");
            return;
        }
        handle(req, res, e, decoded);
    }

    private void handle(ServerRequest req, ServerResponse res, Endpoint endpoint, String pathModel) {
        long start = System.nanoTime();
        Instant now = clock.instant();
        inFlight.enter();
        Exchange ex = null;
        try {
            // the body is read by the pipeline once the caller is authenticated, never here
            ProxyRequest pr = new ProxyRequest(RequestIds.next(now.toEpochMilli()), now, start, endpoint, pathModel,
                    req.query().rawValue(), headers(req), bodies.source(req), clientIp(req), mapper);
            ex = new Exchange(pr);
            ProxyReply reply;
            try {
                reply = pipeline.process(ex);
            } catch (RuntimeException bug) {
                LOG.log(Level.SEVERE, "request " + pr.id() + " failed inside the hub", bug);
                reply = replies.error(ex, HubError.of(ErrorType.INTERNAL, "internal_error",
                        "the hub failed to handle this request (id " + pr.id() + ")"), ErrorKind.INTERNAL);
            }
            write(res, reply, ex);
        } finally {
            if (ex != null) {
                ex.request().releaseBody();
                finish.finish(ex);
            }
            inFlight.leave();
        }
        if (ex.request().bodyUnread()) {
            // refused before its body was needed (no key): the rest of the body is never read, so the connection
            // cannot carry another request; Helidon keeps a connection open after "Connection: close" unless told
            throw new CloseConnectionException("request refused before its body was read");
        }
    }

    private void write(ServerResponse res, ProxyReply reply, Exchange ex) {
        res.status(Status.create(reply.status()));
        // nothing that came from a client or an upstream may split or smuggle a header on the way back
        reply.headers().forEach((name, values) -> {
            String[] safe = values.stream().filter(HeaderHygiene::safeValue).toArray(String[]::new);
            if (HeaderHygiene.safeName(name) && safe.length > 0) {
                res.header(HeaderNames.create(name), safe);
            }
        });
        res.header(HeaderNames.create("x-cch-request-id"), ex.request().id());
        if (ex.request().bodyUnread()) {
            res.header(HeaderValues.CONNECTION_CLOSE);
        }
        switch (reply) {
            case ProxyReply.Buffered b -> {
                try {
                    res.send(b.body());
                } catch (UncheckedIOException e) {
                    ex.clientGone(true);
                }
            }
            case ProxyReply.Streamed s -> {
                try (OutputStream out = res.outputStream()) {
                    s.body().writeTo(out);
                } catch (IOException | UncheckedIOException e) {
                    ex.clientGone(true);
                }
            }
        }
    }

    private static Headers headers(ServerRequest req) {
        Headers h = new Headers();
        req.headers().forEach(header -> header.allValues().forEach(v -> h.add(header.name().toLowerCase(Locale.ROOT), v)));
        return h;
    }

    private static String clientIp(ServerRequest req) {
        if (req.remotePeer().address() instanceof InetSocketAddress a && a.getAddress() != null) {
            return a.getAddress().getHostAddress();
        }
        return null;
    }
}
