package dev.cch.protocol.match;

import java.util.Locale;

/** One compiled rule: compares a text with a pattern the way its {@link MatchType} says (case-insensitive). */
public final class TextMatcher {
    private final MatchType type;
    private final String pattern;
    private final SafeRegex regex;

    public TextMatcher(MatchType type, String pattern) {
        if (type == null || pattern == null || pattern.isEmpty()) {
            throw new IllegalArgumentException("match type and pattern are required");
        }
        this.type = type;
        this.pattern = pattern.toLowerCase(Locale.ROOT);
        this.regex = type == MatchType.REGEX ? SafeRegex.compile(pattern) : null;
    }

    /** Whole-value match for model names: exact/prefix/suffix/contains/regex (regex searches, anchor with ^ and $ for a whole-name match). */
    public boolean matchesName(String name) {
        if (name == null) {
            return false;
        }
        String n = name.toLowerCase(Locale.ROOT);
        return switch (type) {
            case EXACT -> n.equals(pattern);
            case PREFIX -> n.startsWith(pattern);
            case SUFFIX -> n.endsWith(pattern);
            case CONTAINS -> n.contains(pattern);
            case REGEX -> regex.find(name);
        };
    }

    /** Search in a longer text (error bodies, prompts): exact compares the trimmed whole text, regex finds. */
    public boolean foundIn(String text) {
        if (text == null) {
            return false;
        }
        return switch (type) {
            case EXACT -> text.trim().equalsIgnoreCase(pattern);
            case PREFIX -> text.toLowerCase(Locale.ROOT).startsWith(pattern);
            case SUFFIX -> text.toLowerCase(Locale.ROOT).endsWith(pattern);
            case CONTAINS -> text.toLowerCase(Locale.ROOT).contains(pattern);
            case REGEX -> regex.find(text);
        };
    }

    public MatchType type() {
        return type;
    }
}
