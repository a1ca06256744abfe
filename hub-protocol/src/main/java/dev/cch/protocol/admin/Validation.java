package dev.cch.protocol.admin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Collects field errors for admin requests; the desktop client runs the same checks as you type. */
public final class Validation {
    private static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private final List<FieldError> errors = new ArrayList<>();
    private final String prefix;

    public Validation() {
        this("");
    }

    private Validation(String prefix) {
        this.prefix = prefix;
    }

    public Validation require(String field, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            add(field, "is required");
        }
        return this;
    }

    public Validation maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "must be at most " + max + " characters");
        }
        return this;
    }

    public Validation range(String field, Integer value, long min, long max) {
        if (value != null && (value < min || value > max)) {
            add(field, "must be between " + min + " and " + max);
        }
        return this;
    }

    public Validation range(String field, Long value, long min, long max) {
        if (value != null && (value < min || value > max)) {
            add(field, "must be between " + min + " and " + max);
        }
        return this;
    }

    public Validation nonNegative(String field, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            add(field, "must not be negative");
        }
        return this;
    }

    public Validation timeOfDay(String field, String value) {
        if (value != null && !HH_MM.matcher(value).matches()) {
            add(field, "must be a time of day as HH:mm");
        }
        return this;
    }

    public Validation check(boolean ok, String field, String message) {
        if (!ok) {
            add(field, message);
        }
        return this;
    }

    public Validation add(String field, String message) {
        errors.add(new FieldError(prefix + field, message));
        return this;
    }

    /** A validation for a nested object: its field names get {@code name.} in front; merge it back. */
    public Validation nested(String name) {
        return new Validation(prefix + name + ".");
    }

    public Validation merge(Validation other) {
        errors.addAll(other.errors);
        return this;
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
