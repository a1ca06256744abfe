package dev.cch.protocol.admin;

/** The outcome of a test notification: delivered or not, the target's HTTP status, and how long it took. */
public record WebhookTestResult(boolean delivered, Integer status, long latencyMs, String message) {
}
