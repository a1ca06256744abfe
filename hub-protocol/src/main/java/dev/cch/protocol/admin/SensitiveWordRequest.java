package dev.cch.protocol.admin;

import dev.cch.protocol.match.MatchType;
import dev.cch.protocol.match.SafeRegex;

import java.util.List;

/** Create or replace a sensitive word: requests whose text matches it are refused with 400. */
public record SensitiveWordRequest(String word, MatchType matchType, String description, Boolean enabled) {
    public SensitiveWordRequest {
        matchType = matchType == null ? MatchType.CONTAINS : matchType;
        description = description == null ? "" : description;
        enabled = enabled == null ? Boolean.TRUE : enabled;
    }

    public List<FieldError> validate() {
        Validation v = new Validation().require("word", word).maxLength("word", word, 1000)
                .check(matchType == MatchType.CONTAINS || matchType == MatchType.EXACT || matchType == MatchType.REGEX,
                        "matchType", "must be contains, exact or regex");
        if (matchType == MatchType.REGEX && word != null && !word.isBlank()) {
            SafeRegex.problem(word).ifPresent(p -> v.add("word", p));
        }
        return v.errors();
    }
}
