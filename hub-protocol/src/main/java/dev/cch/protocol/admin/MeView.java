package dev.cch.protocol.admin;

/** What a key sees of itself: the key, its user, usage against every limit of both, and today's figures. */
public record MeView(KeyView key, String userName, UsageView keyUsage, UsageView userUsage, UsageFigures today) {
}
