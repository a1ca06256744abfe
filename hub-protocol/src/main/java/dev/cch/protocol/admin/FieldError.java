package dev.cch.protocol.admin;

/** One invalid field of a request: {@code field} is a JSON path such as {@code limits.usdDaily}. */
public record FieldError(String field, String message) {
}
