package dev.cch.server.upstream;

import dev.cch.server.pipeline.ErrorKind;

/** Either a response (any status), or a failure before one arrived. */
public sealed interface UpstreamResult permits UpstreamResult.Received, UpstreamResult.Failed {

    record Received(UpstreamResponse response) implements UpstreamResult {
    }

    record Failed(ErrorKind kind, String message) implements UpstreamResult {
    }
}
