package dev.cch.protocol.match;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafeRegexTest {

    @Test
    void nestedQuantifiersAreRefused() {
        assertThat(SafeRegex.problem("(a+)+$")).isPresent();
        assertThat(SafeRegex.problem("(a|aa)*b")).isEmpty();
        assertThat(SafeRegex.problem("(x*y*)*z")).isPresent();
        assertThat(SafeRegex.problem("([a-z]+)*")).isPresent();
        assertThatThrownBy(() -> SafeRegex.compile("(\\w+\\s?)*$")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ordinaryPatternsAreAccepted() {
        assertThat(SafeRegex.problem("^claude-(opus|sonnet)-4.*")).isEmpty();
        assertThat(SafeRegex.problem("prompt is too long")).isEmpty();
        assertThat(SafeRegex.problem("[(]a+[)]+")).isEmpty();
    }

    @Test
    void invalidAndBackReferencePatternsAreRefused() {
        assertThat(SafeRegex.problem("(")).get().asString().contains("invalid");
        assertThat(SafeRegex.problem("(a)\\1")).get().asString().contains("back-references");
    }

    @Test
    void matchesAreCaseInsensitive() {
        SafeRegex r = SafeRegex.compile("prompt is too long");
        assertThat(r.find("Error: Prompt is TOO long for this model")).isTrue();
        assertThat(r.find("fine")).isFalse();
    }

    @Test
    @org.junit.jupiter.api.Timeout(10)
    void aRunawayMatchStopsAtItsBudget() {
        // overlapping alternation passes the static check but backtracks exponentially here (without the budget
        // this would run for hours); the step budget makes it give up and report no match
        SafeRegex r = SafeRegex.compile("^(a|aa)*c$");
        assertThat(r.find("a".repeat(60))).isFalse();
        assertThat(r.find("aaac")).isTrue();
    }

    @Test
    void textMatcherComparesTheWayItsTypeSays() {
        assertThat(new TextMatcher(MatchType.PREFIX, "claude-").matchesName("Claude-Sonnet-4")).isTrue();
        assertThat(new TextMatcher(MatchType.SUFFIX, "-mini").matchesName("gpt-4o-mini")).isTrue();
        assertThat(new TextMatcher(MatchType.EXACT, "gpt-4o").matchesName("gpt-4o-mini")).isFalse();
        assertThat(new TextMatcher(MatchType.CONTAINS, "haiku").matchesName("claude-haiku-4-5")).isTrue();
        assertThat(new TextMatcher(MatchType.REGEX, "^gemini-2\\.5-(pro|flash)$").matchesName("gemini-2.5-flash")).isTrue();
        assertThat(new TextMatcher(MatchType.EXACT, "forbidden").foundIn("  FORBIDDEN ")).isTrue();
    }
}
