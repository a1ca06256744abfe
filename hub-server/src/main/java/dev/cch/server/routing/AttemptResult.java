package dev.cch.server.routing;

import dev.cch.server.pipeline.ErrorKind;
import dev.cch.server.pipeline.Headers;
import dev.cch.server.pipeline.ProxyReply;

/** How one attempt ended: an answer ready for the client, or a classified failure. */
public sealed interface AttemptResult permits AttemptResult.Success, AttemptResult.Failure {

    record Success(ProxyReply reply) implements AttemptResult {
    }

    /**
     * @param status      upstream HTTP status, or null if none arrived
     * @param message     what went wrong, redacted
     * @param errorBody   the upstream's error body (for RETURN), or null
     * @param errorHeaders the upstream's response headers (for RETURN), or null
     */
    record Failure(ErrorKind kind, Integer status, String message, byte[] errorBody, Headers errorHeaders)
            implements AttemptResult {

        public static Failure of(ErrorKind kind, String message) {
            return new Failure(kind, null, message, null, null);
        }
    }
}
