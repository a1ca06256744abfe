package dev.cch.server.routing;

import dev.cch.protocol.ClientProtocol;
import dev.cch.protocol.ProviderType;

/** Which provider types can serve which client protocol: natively, or through a converter. */
@FunctionalInterface
public interface ProtocolSupport {
    boolean canServe(ProviderType provider, ClientProtocol client);

    /** Same-protocol routing only. */
    ProtocolSupport NATIVE_ONLY = (provider, client) -> provider.protocol() == client;
}
