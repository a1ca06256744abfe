package dev.cch.server.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cch.protocol.ClientProtocol;
import dev.cch.protocol.ProviderType;
import dev.cch.server.pipeline.ErrorKind;
import dev.cch.server.pipeline.ProxyRequest;
import dev.cch.server.providers.Provider;
import dev.cch.server.upstream.OutboundHeaders;

import java.util.Optional;

/**
 * Attempt step: what this provider is sent. Applies the provider's model redirect (rewriting the body only if the
 * model changes), asks OpenAI-compatible streams for their usage chunk, chooses the upstream path for the
 * provider's protocol, and builds the outbound headers. Otherwise the client's body goes out byte for byte.
 */
public final class PrepareAttempt implements AttemptStep {
    private final ObjectMapper mapper;

    public PrepareAttempt(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public AttemptResult handle(Attempt a, Next next) {
        Provider p = a.provider();
        ProxyRequest r = a.exchange().request();
        Optional<String> redirected = p.models().redirect(r.model());
        // a converted request already carries its redirected model
        if (a.conversion() == null && redirected.isPresent() && !redirected.get().equals(a.upstreamModel())) {
            a.upstreamModel(redirected.get());
            if (p.type().protocol() != ClientProtocol.GEMINI) {
                try {
                    ObjectNode body = (ObjectNode) mapper.readTree(a.body());
                    body.put("model", redirected.get());
                    a.body(mapper.writeValueAsBytes(body));
                } catch (java.io.IOException | ClassCastException e) {
                    return AttemptResult.Failure.of(ErrorKind.CONVERSION, "could not apply the model redirect");
                }
            }
        }
        if (a.conversion() == null && p.type() == ProviderType.OPENAI_COMPATIBLE && r.stream() && !r.json()
                .path("stream_options").path("include_usage").asBoolean(false)) {
            // without it a chat stream carries no usage and the request could not be metered
            try {
                ObjectNode body = (ObjectNode) mapper.readTree(a.body());
                body.putObject("stream_options").put("include_usage", true);
                a.body(mapper.writeValueAsBytes(body));
            } catch (java.io.IOException | ClassCastException e) {
                return AttemptResult.Failure.of(ErrorKind.CONVERSION, "could not ask for streamed usage");
            }
        }
        if (a.path() == null) {
            String path = UpstreamPaths.pathFor(p.type(), r, a.upstreamModel());
            if (path == null) {
                return AttemptResult.Failure.of(ErrorKind.UNCONVERTIBLE,
                        "the model name cannot be sent to a " + p.type().wireName() + " provider (it would add a path segment)");
            }
            a.path(path);
        }
        a.headers(OutboundHeaders.build(r.headers(), r.protocol(), p));
        return next.proceed(a);
    }
}
