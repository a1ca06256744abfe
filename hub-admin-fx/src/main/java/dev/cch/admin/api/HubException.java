package dev.cch.admin.api;

/** A failed call to the hub, with a message fit to show an admin. */
public class HubException extends Exception {
    private final Kind kind;

    /** What sort of failure, so views can explain it. */
    public enum Kind { UNREACHABLE, UNAUTHORIZED, INCOMPATIBLE, INVALID, NOT_FOUND, SERVER }

    public HubException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
