package dev.cch.admin.common;

import dev.cch.protocol.admin.FieldError;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The invalid fields of a form, by JSON path ({@code limits.usdDaily}), as the shared validation rules report them. */
public final class FieldErrors {
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final BooleanBinding any = Bindings.isNotEmpty(errors);

    /** Replaces every error; several messages for one field are joined. */
    public void set(List<FieldError> list) {
        Map<String, String> next = new LinkedHashMap<>();
        for (FieldError e : list) {
            next.merge(e.field(), e.message(), (a, b) -> a + "; " + b);
        }
        errors.keySet().retainAll(next.keySet());
        errors.putAll(next);
    }

    /** The message for one field, or "" when it is valid. */
    public StringBinding of(String field) {
        return Bindings.createStringBinding(() -> errors.getOrDefault(field, ""), errors);
    }

    /** The message for any field under {@code prefix} (e.g. {@code customHeaders.}), or "". */
    public StringBinding under(String prefix) {
        return Bindings.createStringBinding(() -> errors.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .map(e -> e.getKey().substring(prefix.length()) + " " + e.getValue())
                .reduce((a, b) -> a + "; " + b).orElse(""), errors);
    }

    public BooleanBinding anyProperty() {
        return any;
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public String get(String field) {
        return errors.getOrDefault(field, "");
    }

    public ObservableMap<String, String> asMap() {
        return errors;
    }
}
