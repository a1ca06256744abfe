package dev.cch.admin.api;

import dev.cch.protocol.admin.FieldError;

import java.util.List;

/** A failed call to the hub, with a message fit to show an admin. */
public class HubException extends Exception {
    private final Kind kind;
    private final List<FieldError> fieldErrors;

    /** What sort of failure, so views can explain it. */
    public enum Kind { UNREACHABLE, UNAUTHORIZED, INCOMPATIBLE, INVALID, NOT_FOUND, CONFLICT, SERVER }

    public HubException(Kind kind, String message) {
        this(kind, message, List.of());
    }

    public HubException(Kind kind, String message, List<FieldError> fieldErrors) {
        super(message);
        this.kind = kind;
        this.fieldErrors = fieldErrors == null ? List.of() : List.copyOf(fieldErrors);
    }

    public Kind kind() {
        return kind;
    }

    /** The fields the server rejected (on {@link Kind#INVALID}), to show next to the inputs. */
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
