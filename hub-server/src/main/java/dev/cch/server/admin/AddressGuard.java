package dev.cch.server.admin;

import dev.cch.protocol.admin.FieldError;
import dev.cch.server.providers.PrivateAddresses;

import java.util.List;

/**
 * The save-time half of {@code hub.providers.block-private-addresses}: a URL the hub will call (provider, proxy,
 * webhook, price source) is refused, naming its field, when it points inside the network. The connect-time half is
 * the clients' resolver.
 *
 * @param on whether the setting is on
 */
record AddressGuard(boolean on) {

    /** Adds an error for {@code field} to {@code errors} if the guard is on and {@code url} points inside. */
    void check(String field, String url, List<FieldError> errors) {
        if (on) {
            PrivateAddresses.problemOfUrl(url).ifPresent(p -> errors.add(new FieldError(field,
                    "must not point at a private, loopback, link-local or metadata address (" + p
                            + "; hub.providers.block-private-addresses is on)")));
        }
    }
}
