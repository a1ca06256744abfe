package dev.cch.protocol.admin;

/** A sample upstream error to try the rules on: its body text and (optionally) its HTTP status. */
public record ErrorRuleTest(String text, Integer status) {
}
