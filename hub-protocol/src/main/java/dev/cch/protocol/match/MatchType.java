package dev.cch.protocol.match;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How a rule's pattern is compared with a model name or a text. */
public enum MatchType {
    EXACT, PREFIX, SUFFIX, CONTAINS, REGEX;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static MatchType fromWireName(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
