package dev.cch.admin.common;

import dev.cch.protocol.admin.FieldError;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Reads form text into request values, collecting "not a number" errors under the request's field names. */
public final class FormReader {
    private final List<FieldError> errors = new ArrayList<>();

    public Integer integer(String field, String text) {
        try {
            return Parse.integer(text);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "must be a whole number"));
            return null;
        }
    }

    public Long whole(String field, String text) {
        try {
            return Parse.whole(text);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "must be a whole number"));
            return null;
        }
    }

    public BigDecimal money(String field, String text) {
        try {
            return Parse.money(text);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "must be an amount such as 12.50"));
            return null;
        }
    }

    public void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** These parse errors followed by the request's own validation (a field that did not parse says only that). */
    public List<FieldError> with(List<FieldError> validation) {
        List<FieldError> all = new ArrayList<>(errors);
        validation.stream().filter(v -> errors.stream().noneMatch(e -> e.field().equals(v.field()))).forEach(all::add);
        return all;
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }
}
