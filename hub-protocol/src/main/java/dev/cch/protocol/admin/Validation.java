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

    /** At most {@code max} characters, and storable: no NUL and no unpaired surrogate (PostgreSQL takes neither). */
    public Validation maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "must be at most " + max + " characters");
        } else if (value != null && !storable(value)) {
            add(field, "must not contain NUL or unpaired surrogate characters");
        }
        return this;
    }

    /** An instant PostgreSQL and every client can hold: from 1970 to the end of year 9999 (an expiry, a reset). */
    public Validation instant(String field, java.time.Instant value) {
        if (value != null && (value.isBefore(java.time.Instant.EPOCH) || value.isAfter(LATEST))) {
            add(field, "must be between 1970-01-01 and 9999-12-31");
        }
        return this;
    }

    private static final java.time.Instant LATEST = java.time.Instant.parse("9999-12-31T23:59:59Z");

    /** A name or other one-line value: {@link #maxLength} and no control characters (no CR/LF to split a log line). */
    public Validation singleLine(String field, String value, int max) {
        maxLength(field, value, max);
        if (value != null && value.length() <= max && storable(value) && value.chars().anyMatch(Validation::control)) {
            add(field, "must not contain control characters (line breaks, tabs, NUL)");
        }
        return this;
    }

    private static boolean control(int c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029;
    }

    private static boolean storable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
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
