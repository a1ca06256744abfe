package dev.cch.server.providers;

import dev.cch.protocol.admin.ModelRedirect;
import dev.cch.protocol.admin.ModelRule;
import dev.cch.protocol.match.TextMatcher;

import java.util.List;
import java.util.Optional;

/** A provider's compiled model allow-list and redirect rules. */
public final class ModelRules {
    private final List<TextMatcher> allowed;
    private final List<Redirect> redirects;
    private final List<String> exactNames;
    private final List<ModelRedirect> redirectRules;

    private record Redirect(TextMatcher source, String target) {
    }

    public ModelRules(List<ModelRule> allowed, List<ModelRedirect> redirects) {
        this.allowed = allowed.stream().map(r -> new TextMatcher(r.match(), r.pattern())).toList();
        this.redirects = redirects.stream().map(r -> new Redirect(new TextMatcher(r.match(), r.source()), r.target())).toList();
        this.exactNames = allowed.stream().filter(r -> r.match() == dev.cch.protocol.match.MatchType.EXACT).map(ModelRule::pattern).toList();
        this.redirectRules = List.copyOf(redirects);
    }

    /** The models the allow-list names exactly (for model lists). */
    public List<String> exactNames() {
        return exactNames;
    }

    public List<ModelRedirect> redirectRules() {
        return redirectRules;
    }

    public static ModelRules none() {
        return new ModelRules(List.of(), List.of());
    }

    /** An empty allow-list allows every model. */
    public boolean allows(String model) {
        if (allowed.isEmpty()) {
            return true;
        }
        for (TextMatcher m : allowed) {
            if (m.matchesName(model)) {
                return true;
            }
        }
        return false;
    }

    /** The model to send upstream: the target of the first matching redirect, or empty to keep the requested one. */
    public Optional<String> redirect(String model) {
        for (Redirect r : redirects) {
            if (r.source().matchesName(model)) {
                return Optional.of(r.target());
            }
        }
        return Optional.empty();
    }

    public boolean hasAllowList() {
        return !allowed.isEmpty();
    }
}
