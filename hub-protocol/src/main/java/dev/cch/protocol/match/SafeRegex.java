package dev.cch.protocol.match;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Regular expressions from admins, made safe against catastrophic backtracking (ReDoS): patterns with nested
 * quantifiers or back-references are refused when saved, and every match runs against a step budget, so even a
 * pattern that slips through cannot stall a request.
 */
public final class SafeRegex {
    public static final int MAX_PATTERN_LENGTH = 4096;
    private static final long DEFAULT_BUDGET = 200_000;

    private final Pattern pattern;
    private final long budget;

    private SafeRegex(Pattern pattern, long budget) {
        this.pattern = pattern;
        this.budget = budget;
    }

    /** Compiles (case-insensitive) or throws {@link IllegalArgumentException} saying why the pattern is refused. */
    public static SafeRegex compile(String regex) {
        problem(regex).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        return new SafeRegex(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), DEFAULT_BUDGET);
    }

    /** Why a pattern would be refused, or empty if it is acceptable. */
    public static Optional<String> problem(String regex) {
        if (regex == null || regex.isEmpty()) {
            return Optional.of("pattern is empty");
        }
        if (regex.length() > MAX_PATTERN_LENGTH) {
            return Optional.of("pattern longer than " + MAX_PATTERN_LENGTH + " characters");
        }
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return Optional.of("invalid regular expression: " + e.getDescription());
        }
        if (regex.matches(".*\\\\[1-9].*") || regex.contains("\\k<")) {
            return Optional.of("back-references are not allowed");
        }
        if (hasNestedQuantifier(regex)) {
            return Optional.of("nested quantifiers such as (a+)+ can take exponential time and are not allowed");
        }
        return Optional.empty();
    }

    /** True if the pattern finds a match in the text within the step budget; a blown budget counts as no match. */
    public boolean find(CharSequence text) {
        try {
            return pattern.matcher(new BudgetedSequence(text, budget)).find();
        } catch (BudgetExceeded e) {
            return false;
        }
    }

    public boolean matchesWhole(CharSequence text) {
        try {
            return pattern.matcher(new BudgetedSequence(text, budget)).matches();
        } catch (BudgetExceeded e) {
            return false;
        }
    }

    public String pattern() {
        return pattern.pattern();
    }

    /** A group that is quantified and itself contains a quantifier, e.g. {@code (a+)+}, {@code (a|b*)*}. */
    static boolean hasNestedQuantifier(String re) {
        // stack of flags: does the group opened at this depth contain a quantifier?
        boolean[] inner = new boolean[re.length() + 1];
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (inClass) {
                if (c == ']') {
                    inClass = false;
                }
                continue;
            }
            switch (c) {
                case '[' -> inClass = true;
                case '(' -> inner[++depth] = false;
                case ')' -> {
                    boolean groupHasQuantifier = depth > 0 && inner[depth];
                    depth = Math.max(0, depth - 1);
                    boolean quantified = i + 1 < re.length() && isQuantifier(re.charAt(i + 1));
                    if (groupHasQuantifier && quantified) {
                        return true;
                    }
                    if (groupHasQuantifier || quantified) {
                        inner[depth] = true;
                    }
                }
                case '*', '+', '{' -> inner[depth] = true;
                case '?' -> {
                    // '?' after '(' is group syntax, after a quantifier it makes it lazy; otherwise it is a quantifier
                    if (i > 0 && re.charAt(i - 1) != '(') {
                        inner[depth] = true;
                    }
                }
                default -> { }
            }
        }
        return false;
    }

    private static boolean isQuantifier(char c) {
        return c == '*' || c == '+' || c == '{' || c == '?';
    }

    private static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super(null, null, false, false);
        }
    }

    /** Counts character reads; the regex engine reads once per step, so this bounds its work. */
    private static final class BudgetedSequence implements CharSequence {
        private final CharSequence inner;
        private final long[] left;

        BudgetedSequence(CharSequence inner, long budget) {
            this(inner, new long[] {budget});
        }

        private BudgetedSequence(CharSequence inner, long[] left) {
            this.inner = inner;
            this.left = left;
        }

        @Override
        public char charAt(int index) {
            if (--left[0] < 0) {
                throw new BudgetExceeded();
            }
            return inner.charAt(index);
        }

        @Override
        public int length() {
            return inner.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new BudgetedSequence(inner.subSequence(start, end), left);
        }

        @Override
        public String toString() {
            return inner.toString();
        }
    }
}
