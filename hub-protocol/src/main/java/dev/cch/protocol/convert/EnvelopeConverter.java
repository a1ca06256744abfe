package dev.cch.protocol.convert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.convert.gemini.CodeAssistEnvelope;
import dev.cch.protocol.sse.SseEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** Gemini clients on gemini-cli providers: the same protocol, only wrapped in and unwrapped from the envelope. */
final class EnvelopeConverter implements Converter {
    private final ObjectMapper mapper;

    EnvelopeConverter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public byte[] request(JsonNode clientRequest, RequestContext ctx) throws ConversionException {
        if (clientRequest == null || !clientRequest.isObject()) {
            throw new ConversionException("request body must be a JSON object");
        }
        return bytes(CodeAssistEnvelope.wrap(clientRequest, ctx));
    }

    @Override
    public byte[] response(JsonNode providerResponse, ResponseContext ctx) {
        return bytes(CodeAssistEnvelope.unwrap(providerResponse));
    }

    @Override
    public StreamTranslator stream(ResponseContext ctx) {
        return new StreamTranslator() {
            @Override
            public void onEvent(SseEvent e, Consumer<SseEvent> client) {
                if (e.data() == null) {
                    return;
                }
                try {
                    client.accept(new SseEvent(e.event(), mapper.writeValueAsString(
                            CodeAssistEnvelope.unwrap(mapper.readTree(e.data()))), null));
                } catch (IOException ex) {
                    client.accept(e); // not JSON: pass it on for the client to judge
                }
            }

            @Override
            public void onEnd(Consumer<SseEvent> client) {
            }
        };
    }

    private byte[] bytes(JsonNode n) {
        try {
            return mapper.writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
