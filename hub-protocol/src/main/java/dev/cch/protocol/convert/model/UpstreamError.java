package dev.cch.protocol.convert.model;

import dev.cch.protocol.error.ErrorType;

/** An error the provider reported, in a body or inside a stream. */
public record UpstreamError(ErrorType type, int status, String message) {
}
