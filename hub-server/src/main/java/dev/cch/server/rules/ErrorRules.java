package dev.cch.server.rules;

import dev.cch.protocol.admin.ErrorRuleView;
import dev.cch.protocol.match.MatchType;
import dev.cch.protocol.match.TextMatcher;
import dev.cch.server.pipeline.ErrorKind;
import dev.cch.server.routing.ErrorClassifier;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Classifies upstream errors with the admins' error rules, compiled in memory and replaced whole on reload.
 * Enabled rules are tried by priority (highest first), then contains before exact before regex; a match means the
 * error is the request's fault and goes straight back. Without a match the HTTP status decides.
 */
public final class ErrorRules implements ErrorClassifier {
    private static final Logger LOG = Logger.getLogger(ErrorRules.class.getName());
    private final Supplier<List<ErrorRuleView>> loader;
    private volatile List<Compiled> rules = List.of();

    private record Compiled(ErrorRuleView rule, TextMatcher matcher) {
    }

    public ErrorRules(Supplier<List<ErrorRuleView>> loader) {
        this.loader = loader;
    }

    public void reload() {
        rules = loader.get().stream().filter(ErrorRuleView::enabled)
                .sorted(Comparator.comparingInt((ErrorRuleView r) -> -r.priority())
                        .thenComparingInt(r -> order(r.matchType())).thenComparingLong(ErrorRuleView::id))
                .map(ErrorRules::compile).filter(c -> c != null).toList();
    }

    private static Compiled compile(ErrorRuleView r) {
        try {
            return new Compiled(r, new TextMatcher(r.matchType(), r.pattern()));
        } catch (IllegalArgumentException e) {
            LOG.warning("error rule " + r.id() + " skipped: " + e.getMessage());
            return null;
        }
    }

    private static int order(MatchType t) {
        return switch (t) {
            case CONTAINS -> 0;
            case EXACT -> 1;
            default -> 2;
        };
    }

    public Optional<ErrorRuleView> match(String body) {
        for (Compiled c : rules) {
            if (c.matcher().foundIn(body)) {
                return Optional.of(c.rule());
            }
        }
        return Optional.empty();
    }

    @Override
    public Verdict classify(int status, String body) {
        return match(body)
                .map(r -> new Verdict(ErrorKind.ERROR_RULE, r.overrideStatus(), r.overrideBody(), r.category() + ":" + r.id()))
                .orElseGet(() -> Verdict.of(ErrorKind.forStatus(status)));
    }
}
