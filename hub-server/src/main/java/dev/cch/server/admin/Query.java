package dev.cch.server.admin;

import dev.cch.protocol.admin.FieldError;
import io.helidon.webserver.http.ServerRequest;

import java.util.List;

/** Typed query parameters that report bad values as field errors. */
final class Query {
    private Query() {
    }

    static int intParam(ServerRequest req, String name, int fallback, int min, int max, List<FieldError> errors) {
        String raw = req.query().first(name).orElse(null);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(raw.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max));
        return fallback;
    }

    static Long longParam(ServerRequest req, String name, List<FieldError> errors) {
        String raw = req.query().first(name).orElse(null);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, "must be a whole number"));
            return null;
        }
    }

    static String text(ServerRequest req, String name) {
        return req.query().first(name).map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
    }
}
