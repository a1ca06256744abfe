package dev.cch.protocol.convert.common;

import dev.cch.protocol.convert.model.UpstreamError;
import dev.cch.protocol.error.ErrorType;

/** Maps each protocol's error vocabulary onto the hub's {@link ErrorType}. */
public final class UpstreamErrors {
    private UpstreamErrors() {
    }

    public static UpstreamError anthropic(String type, String message) {
        ErrorType t = switch (type == null ? "" : type) {
            case "invalid_request_error" -> ErrorType.INVALID_REQUEST;
            case "authentication_error" -> ErrorType.AUTHENTICATION;
            case "billing_error" -> ErrorType.BILLING;
            case "permission_error" -> ErrorType.PERMISSION;
            case "not_found_error" -> ErrorType.NOT_FOUND;
            case "request_too_large" -> ErrorType.TOO_LARGE;
            case "rate_limit_error" -> ErrorType.RATE_LIMIT;
            case "overloaded_error" -> ErrorType.UNAVAILABLE;
            case "timeout_error" -> ErrorType.TIMEOUT;
            default -> ErrorType.INTERNAL;
        };
        return new UpstreamError(t, t == ErrorType.UNAVAILABLE ? 529 : t.status(), orDefault(message));
    }

    public static UpstreamError openAi(String type, String code, String message) {
        String c = code == null ? "" : code;
        ErrorType t;
        if (c.equals("invalid_api_key") || "authentication_error".equals(type)) {
            t = ErrorType.AUTHENTICATION;
        } else if (c.equals("insufficient_quota") || "insufficient_quota".equals(type)) {
            t = ErrorType.BILLING;
        } else if (c.startsWith("rate_limit") || "rate_limit_exceeded".equals(type) || "tokens".equals(type)
                || "requests".equals(type)) {
            t = ErrorType.RATE_LIMIT;
        } else if ("not_found_error".equals(type) || c.equals("model_not_found")) {
            t = ErrorType.NOT_FOUND;
        } else if ("permission_error".equals(type)) {
            t = ErrorType.PERMISSION;
        } else if ("invalid_request_error".equals(type)) {
            t = ErrorType.INVALID_REQUEST;
        } else {
            t = ErrorType.INTERNAL;
        }
        return new UpstreamError(t, t.status(), orDefault(message));
    }

    public static UpstreamError gemini(int code, String status, String message) {
        ErrorType t = switch (status == null ? "" : status) {
            case "INVALID_ARGUMENT", "FAILED_PRECONDITION", "OUT_OF_RANGE" -> ErrorType.INVALID_REQUEST;
            case "UNAUTHENTICATED" -> ErrorType.AUTHENTICATION;
            case "PERMISSION_DENIED" -> ErrorType.PERMISSION;
            case "NOT_FOUND" -> ErrorType.NOT_FOUND;
            case "RESOURCE_EXHAUSTED" -> ErrorType.RATE_LIMIT;
            case "UNAVAILABLE" -> ErrorType.UNAVAILABLE;
            case "DEADLINE_EXCEEDED" -> ErrorType.TIMEOUT;
            case "INTERNAL", "UNKNOWN" -> ErrorType.INTERNAL;
            default -> code >= 400 ? ErrorType.forStatus(code) : ErrorType.INTERNAL;
        };
        int s = code >= 400 && code <= 599 ? code : t.status();
        return new UpstreamError(t, s, orDefault(message));
    }

    private static String orDefault(String message) {
        return message == null || message.isEmpty() ? "upstream error" : message;
    }
}
