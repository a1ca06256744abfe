package dev.cch.protocol.error;

/** What went wrong, as each protocol names it. */
public enum ErrorType {
    INVALID_REQUEST(400, "invalid_request_error", "invalid_request_error", "INVALID_ARGUMENT"),
    AUTHENTICATION(401, "authentication_error", "invalid_request_error", "UNAUTHENTICATED"),
    BILLING(402, "billing_error", "insufficient_quota", "RESOURCE_EXHAUSTED"),
    PERMISSION(403, "permission_error", "permission_error", "PERMISSION_DENIED"),
    NOT_FOUND(404, "not_found_error", "not_found_error", "NOT_FOUND"),
    REQUEST_TIMEOUT(408, "invalid_request_error", "invalid_request_error", "DEADLINE_EXCEEDED"),
    TOO_LARGE(413, "request_too_large", "invalid_request_error", "INVALID_ARGUMENT"),
    UNSUPPORTED_MEDIA(415, "invalid_request_error", "invalid_request_error", "INVALID_ARGUMENT"),
    RATE_LIMIT(429, "rate_limit_error", "rate_limit_exceeded", "RESOURCE_EXHAUSTED"),
    UPSTREAM(502, "api_error", "server_error", "UNAVAILABLE"),
    UNAVAILABLE(503, "overloaded_error", "server_error", "UNAVAILABLE"),
    TIMEOUT(504, "timeout_error", "server_error", "DEADLINE_EXCEEDED"),
    INTERNAL(500, "api_error", "server_error", "INTERNAL");

    private final int status;
    private final String anthropicType;
    private final String openAiType;
    private final String geminiStatus;

    ErrorType(int status, String anthropicType, String openAiType, String geminiStatus) {
        this.status = status;
        this.anthropicType = anthropicType;
        this.openAiType = openAiType;
        this.geminiStatus = geminiStatus;
    }

    public int status() {
        return status;
    }

    public String anthropicType() {
        return anthropicType;
    }

    public String openAiType() {
        return openAiType;
    }

    public String geminiStatus() {
        return geminiStatus;
    }

    /** The type that best describes an upstream or overridden HTTP status. */
    public static ErrorType forStatus(int status) {
        return switch (status) {
            case 400, 422 -> INVALID_REQUEST;
            case 401 -> AUTHENTICATION;
            case 402 -> BILLING;
            case 403 -> PERMISSION;
            case 404 -> NOT_FOUND;
            case 408 -> REQUEST_TIMEOUT;
            case 413 -> TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA;
            case 429 -> RATE_LIMIT;
            case 503, 529 -> UNAVAILABLE;
            case 504, 524 -> TIMEOUT;
            default -> status >= 500 ? UPSTREAM : INVALID_REQUEST;
        };
    }
}
