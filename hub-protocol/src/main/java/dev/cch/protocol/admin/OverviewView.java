package dev.cch.protocol.admin;

import java.time.Instant;

/** The dashboard's headline: today so far, yesterday for comparison, and sessions active now (all nodes). */
public record OverviewView(UsageFigures today, UsageFigures yesterday, long activeSessions, String timeZone,
                           Instant at) {
}
