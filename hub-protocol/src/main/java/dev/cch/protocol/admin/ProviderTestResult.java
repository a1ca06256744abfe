package dev.cch.protocol.admin;

/**
 * The outcome of "test connection": {@code verdict} is {@code ok}, {@code slow} (answered, but over 5 s),
 * {@code auth} (credentials refused), {@code rate_limited}, {@code error} or {@code unreachable}.
 */
public record ProviderTestResult(String verdict, Integer status, long latencyMs, String model, String message) {
}
