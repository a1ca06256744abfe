package dev.cch.protocol.convert;

import dev.cch.protocol.ClientProtocol;
import dev.cch.protocol.ProviderType;

import java.util.Optional;

/** Finds the converter between a client protocol and a provider type. */
public final class Conversions {
    private Conversions() {
    }

    /** True if the provider can serve the client, natively or through a converter. */
    public static boolean canServe(ProviderType provider, ClientProtocol client) {
        return provider.protocol() == client && provider != ProviderType.GEMINI_CLI || converter(client, provider).isPresent();
    }

    /** The converter, or empty for same-protocol traffic (passed through untouched) and unsupported pairs. */
    public static Optional<Converter> converter(ClientProtocol client, ProviderType provider) {
        return Optional.empty();
    }
}
