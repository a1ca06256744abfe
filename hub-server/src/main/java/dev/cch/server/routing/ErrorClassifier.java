package dev.cch.server.routing;

import dev.cch.server.pipeline.ErrorKind;

/**
 * Classifies an upstream error answer: admin error rules first (a match goes straight back to the client,
 * optionally with another status or body), then the HTTP status.
 */
@FunctionalInterface
public interface ErrorClassifier {
    Verdict classify(int status, String body);

    /** The classification, with an optional override of what the client gets. */
    record Verdict(ErrorKind kind, Integer overrideStatus, String overrideBody, String matchedRule) {
        public static Verdict of(ErrorKind kind) {
            return new Verdict(kind, null, null, null);
        }
    }

    ErrorClassifier BY_STATUS = (status, body) -> Verdict.of(ErrorKind.forStatus(status));
}
