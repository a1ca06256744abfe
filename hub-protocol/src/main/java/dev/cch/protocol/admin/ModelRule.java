package dev.cch.protocol.admin;

import dev.cch.protocol.match.MatchType;

/** A provider's model allow-list entry. */
public record ModelRule(MatchType match, String pattern) {
    public ModelRule {
        match = match == null ? MatchType.EXACT : match;
    }
}
