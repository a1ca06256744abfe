package dev.cch.protocol.convert;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.ClientProtocol;
import dev.cch.protocol.ProviderType;
import dev.cch.protocol.convert.dialect.Dialects;

import java.time.Clock;
import java.util.Optional;

/** Finds the converter between a client protocol and a provider type. */
public final class Conversions {
    /** Configured once and never changed: ObjectMapper is thread-safe for reading and writing trees. */
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Conversions() {
    }

    /** True if the provider can serve the client, natively or through a converter. */
    public static boolean canServe(ProviderType provider, ClientProtocol client) {
        return isNative(client, provider) || converter(client, provider).isPresent();
    }

    /** The converter, or empty for same-protocol traffic (passed through untouched). */
    public static Optional<Converter> converter(ClientProtocol client, ProviderType provider) {
        return converter(client, provider, Clock.systemUTC());
    }

    /** As {@link #converter(ClientProtocol, ProviderType)}, with the clock that stamps creation times. */
    public static Optional<Converter> converter(ClientProtocol client, ProviderType provider, Clock clock) {
        if (isNative(client, provider)) {
            return Optional.empty();
        }
        if (client == provider.protocol()) {
            return Optional.of(new EnvelopeConverter(MAPPER));
        }
        Dialects dialects = new Dialects(MAPPER);
        return Optional.of(new DialectConverter(dialects.of(client), dialects.of(provider), MAPPER, clock));
    }

    private static boolean isNative(ClientProtocol client, ProviderType provider) {
        return provider.protocol() == client && provider != ProviderType.GEMINI_CLI;
    }
}
