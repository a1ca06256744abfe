package dev.cch.server.convert;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.protocol.convert.ConversionException;
import dev.cch.protocol.convert.Conversions;
import dev.cch.protocol.convert.Converter;
import dev.cch.protocol.convert.StreamTranslator;
import dev.cch.server.pipeline.ErrorKind;
import dev.cch.server.routing.Attempt;
import dev.cch.server.routing.AttemptResult;
import dev.cch.server.routing.AttemptStep;
import dev.cch.server.routing.ResponseConversion;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Attempt step: when the provider speaks another protocol than the client, the request is converted for it (with
 * the provider's model redirect applied) and the answer will be converted back. Same-protocol traffic passes
 * through untouched.
 */
public final class ConvertRequest implements AttemptStep {
    private static final Logger LOG = Logger.getLogger(ConvertRequest.class.getName());

    @Override
    public AttemptResult handle(Attempt a, Next next) {
        Optional<Converter> converter = Conversions.converter(a.exchange().request().protocol(), a.provider().type());
        if (converter.isEmpty()) {
            return next.proceed(a);
        }
        Converter c = converter.get();
        String redirected = a.provider().models().redirect(a.exchange().request().model()).orElse(a.exchange().request().model());
        a.upstreamModel(redirected);
        JsonNode request = a.exchange().request().json();
        // Code Assist (gemini-cli) wants its GCP project in the envelope; it is the provider's quota-project header
        String project = a.provider().customHeaders().get("x-goog-user-project");
        try {
            a.body(c.request(request, new Converter.RequestContext(redirected, a.exchange().request().stream(), project)));
        } catch (ConversionException e) {
            return AttemptResult.Failure.of(ErrorKind.UNCONVERTIBLE, "cannot convert the request for "
                    + a.provider().type().wireName() + ": " + e.getMessage());
        } catch (RuntimeException bug) {
            LOG.log(Level.SEVERE, "converting request " + a.exchange().request().id() + " for "
                    + a.provider().type().wireName() + " failed", bug);
            return AttemptResult.Failure.of(ErrorKind.CONVERSION, "cannot convert the request for "
                    + a.provider().type().wireName() + ": " + bug.getMessage());
        }
        Converter.ResponseContext ctx = c.responseContext(request, a.exchange().request().model());
        a.conversion(new ResponseConversion() {
            @Override
            public byte[] body(JsonNode providerResponse) {
                return c.response(providerResponse, ctx);
            }

            @Override
            public StreamTranslator stream() {
                return c.stream(ctx);
            }
        });
        return next.proceed(a);
    }
}
