package dev.cch.protocol.convert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.ClientProtocol;
import dev.cch.protocol.convert.common.ToolNames;
import dev.cch.protocol.convert.dialect.Dialect;
import dev.cch.protocol.convert.model.Completion;
import dev.cch.protocol.convert.model.UpstreamError;
import dev.cch.protocol.error.ErrorBodies;
import dev.cch.protocol.error.HubError;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Converts through the neutral model: the client dialect reads, the provider dialect writes, and back. */
final class DialectConverter implements Converter {
    private final Dialect client;
    private final Dialect provider;
    private final ObjectMapper mapper;
    private final Clock clock;

    DialectConverter(Dialect client, Dialect provider, ObjectMapper mapper, Clock clock) {
        this.client = client;
        this.provider = provider;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public byte[] request(JsonNode clientRequest, RequestContext ctx) throws ConversionException {
        if (clientRequest == null || !clientRequest.isObject()) {
            throw new ConversionException("request body must be a JSON object");
        }
        return bytes(provider.requestWriter().write(client.requestReader().read(clientRequest), ctx));
    }

    @Override
    public byte[] response(JsonNode providerResponse, ResponseContext ctx) {
        Optional<UpstreamError> error = provider.responseReader().error(providerResponse);
        if (error.isPresent()) {
            UpstreamError e = error.get();
            int status = e.status() >= 400 && e.status() <= 599 ? e.status() : e.type().status();
            return new ErrorBodies(mapper).render(client.protocol(), new HubError(status, e.type(), e.message(), null, Map.of()));
        }
        Completion c = provider.responseReader().read(providerResponse);
        return bytes(client.responseWriter().write(c, ctx, clock.instant().getEpochSecond()));
    }

    @Override
    public StreamTranslator stream(ResponseContext ctx) {
        return new NeutralStreamTranslator(provider.streamReaders().get(),
                client.streamWriters().create(ctx, clock.instant().getEpochSecond()));
    }

    @Override
    public ResponseContext responseContext(JsonNode clientRequest, String clientModel) {
        Map<String, String> names = ToolNames.restoring(client.requestReader().toolNames(clientRequest));
        boolean includeUsage = client.protocol() != ClientProtocol.OPENAI_CHAT
                || clientRequest.path("stream_options").path("include_usage").asBoolean(false);
        return new ResponseContext(clientModel, names, includeUsage);
    }

    private byte[] bytes(JsonNode n) {
        try {
            return mapper.writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
