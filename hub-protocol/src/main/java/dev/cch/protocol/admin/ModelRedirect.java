package dev.cch.protocol.admin;

import dev.cch.protocol.match.MatchType;

/** Rewrites the requested model to {@code target} for one provider when {@code source} matches. */
public record ModelRedirect(MatchType match, String source, String target) {
    public ModelRedirect {
        match = match == null ? MatchType.EXACT : match;
    }
}
