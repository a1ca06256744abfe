package dev.cch.protocol.admin;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** An RFC 9457 problem document ({@code application/problem+json}) with optional field errors. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null);
    }

    public static Problem invalid(List<FieldError> errors) {
        return new Problem("about:blank", "Invalid request", 400, errors.size() + " field(s) are invalid", List.copyOf(errors));
    }
}
