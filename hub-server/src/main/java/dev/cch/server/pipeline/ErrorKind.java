package dev.cch.server.pipeline;

/**
 * Why an upstream attempt (or a request) failed, and what that means: whether the hub moves on to another
 * attempt, whether the provider's breaker counts it, and the status a client sees if it is the last word.
 */
public enum ErrorKind {
    CONNECTION_REFUSED(Next.MOVE_ON, true, 502),
    CONNECTION_RESET(Next.MOVE_ON, true, 502),
    CONNECT_TIMEOUT(Next.MOVE_ON, true, 504),
    FIRST_BYTE_TIMEOUT(Next.MOVE_ON, true, 504),
    STREAM_IDLE_TIMEOUT(Next.MOVE_ON, true, 504),
    TOTAL_TIMEOUT(Next.MOVE_ON, true, 504),
    PROXY_FAILURE(Next.MOVE_ON, true, 502),
    UPSTREAM_5XX(Next.MOVE_ON, true, 502),
    /** a 3xx: redirects are never followed (they could lead anywhere) nor handed on, so it counts as a bad gateway */
    UPSTREAM_REDIRECT(Next.MOVE_ON, true, 502),
    UPSTREAM_429(Next.MOVE_ON, true, 429),
    /** the provider's own credentials or account were refused (401, 402, 403) */
    UPSTREAM_AUTH(Next.MOVE_ON, true, 502),
    /** the model or endpoint is not on this provider (404): try another, but it says nothing about health */
    UPSTREAM_NOT_FOUND(Next.MOVE_ON, false, 404),
    /** status 200 with an HTML page, an empty body, an error JSON, or a stream with no content */
    FAKE_200(Next.MOVE_ON, true, 502),
    /** a stream that broke after it was committed to the client: nothing to retry */
    STREAM_BROKEN(Next.STOP, true, 502),
    /** the request is at fault (4xx): the upstream's answer goes straight back */
    CLIENT_ERROR(Next.RETURN, false, 400),
    /** an admin error rule matched the upstream's error: straight back, optionally rewritten */
    ERROR_RULE(Next.RETURN, false, 400),
    /** the client went away: stop all upstream work */
    CLIENT_ABORT(Next.STOP, false, 499),
    /** the breaker of the provider is open */
    BREAKER_OPEN(Next.MOVE_ON, false, 503),
    /** the request could not be converted for this provider (a converter failed) */
    CONVERSION(Next.MOVE_ON, false, 502),
    /** the client's request cannot be expressed in this provider's protocol: another provider may still take it */
    UNCONVERTIBLE(Next.MOVE_ON, false, 400),
    /** a bug in the hub */
    INTERNAL(Next.STOP, false, 500);

    /** What the failover loop does after an attempt failed this way. */
    public enum Next {
        /** try again or switch provider */
        MOVE_ON,
        /** return the upstream's error to the client */
        RETURN,
        /** stop everything */
        STOP
    }

    private final Next next;
    private final boolean countsForBreaker;
    private final int clientStatus;

    ErrorKind(Next next, boolean countsForBreaker, int clientStatus) {
        this.next = next;
        this.countsForBreaker = countsForBreaker;
        this.clientStatus = clientStatus;
    }

    public Next next() {
        return next;
    }

    public boolean countsForBreaker() {
        return countsForBreaker;
    }

    public int clientStatus() {
        return clientStatus;
    }

    /** Network-level failures are worth one more try on the same provider; HTTP answers are not. */
    public boolean retrySameProvider() {
        return switch (this) {
            case CONNECTION_REFUSED, CONNECTION_RESET, CONNECT_TIMEOUT, PROXY_FAILURE -> true;
            default -> false;
        };
    }

    /** Classifies an upstream HTTP status that is not 2xx. */
    public static ErrorKind forStatus(int status) {
        if (status >= 500) {
            return UPSTREAM_5XX;
        }
        if (status >= 300 && status < 400) {
            return UPSTREAM_REDIRECT;
        }
        return switch (status) {
            case 429 -> UPSTREAM_429;
            case 401, 402, 403 -> UPSTREAM_AUTH;
            case 404 -> UPSTREAM_NOT_FOUND;
            case 408 -> FIRST_BYTE_TIMEOUT;
            default -> CLIENT_ERROR;
        };
    }
}
