package dev.cch.server.upstream;

import dev.cch.server.pipeline.Headers;
import dev.cch.server.providers.Provider;

import java.net.URI;
import java.time.Duration;

/**
 * One call to a provider.
 *
 * @param headerTimeout how long to wait for the response headers (first byte), or null for the safety net
 */
public record UpstreamRequest(Provider provider, URI uri, Headers headers, byte[] body, boolean stream,
                              Duration headerTimeout) {
}
