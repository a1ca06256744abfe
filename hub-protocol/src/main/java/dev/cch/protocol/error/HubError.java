package dev.cch.protocol.error;

import java.util.Map;

/**
 * An error the hub answers with, before it is shaped for the caller's protocol.
 *
 * @param status HTTP status sent to the client
 * @param type   what went wrong
 * @param message a readable message; never contains secrets
 * @param code   a short machine code (e.g. {@code invalid_api_key}), or null
 * @param details extra fields placed beside the message (e.g. {@code limit_type}), may be empty
 */
public record HubError(int status, ErrorType type, String message, String code, Map<String, Object> details) {
    public HubError {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("error status must be 4xx or 5xx: " + status);
        }
        if (type == null || message == null) {
            throw new IllegalArgumentException("type and message are required");
        }
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static HubError of(ErrorType type, String message) {
        return new HubError(type.status(), type, message, null, Map.of());
    }

    public static HubError of(ErrorType type, String code, String message) {
        return new HubError(type.status(), type, message, code, Map.of());
    }

    public HubError withStatus(int newStatus) {
        return new HubError(newStatus, type, message, code, details);
    }
}
