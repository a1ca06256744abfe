package dev.cch.protocol.admin;

/**
 * What the hub would do with a sample error: {@code action} is {@code return} (straight back to the client) or
 * {@code failover}; {@code rule} is the matching rule, if any.
 */
public record ErrorRuleVerdict(boolean matched, ErrorRuleView rule, String action, String errorKind, int status) {
}
