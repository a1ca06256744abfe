package dev.cch.server.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.protocol.admin.SensitiveWordView;
import dev.cch.protocol.match.MatchType;
import dev.cch.protocol.match.TextMatcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The enabled sensitive words, compiled in memory and replaced whole on reload, checked against what a request
 * asks the model: every text of its messages, system prompt and instructions, in any of the four protocols.
 * {@code contains} words are searched in the lower-cased text (case-insensitive), {@code exact} compares one whole
 * text, {@code regex} searches with a time-bounded matcher.
 */
public final class SensitiveWords {
    private static final Logger LOG = Logger.getLogger(SensitiveWords.class.getName());
    /** Fields whose text values are prompt text, in Anthropic, OpenAI Chat / Responses and Gemini bodies. */
    private static final Set<String> TEXT_FIELDS = Set.of("text", "content", "system", "instructions", "input",
            "prompt", "systemInstruction", "system_instruction");
    private final Supplier<List<SensitiveWordView>> loader;
    private volatile Compiled compiled = new Compiled(List.of(), Map.of(), List.of());

    private record Rule(SensitiveWordView word, TextMatcher matcher) {
    }

    private record Compiled(List<Rule> contains, Map<String, SensitiveWordView> exact, List<Rule> regex) {
        boolean isEmpty() {
            return contains.isEmpty() && exact.isEmpty() && regex.isEmpty();
        }
    }

    public SensitiveWords(Supplier<List<SensitiveWordView>> loader) {
        this.loader = loader;
    }

    public void reload() {
        List<Rule> contains = new ArrayList<>();
        Map<String, SensitiveWordView> exact = new java.util.HashMap<>();
        List<Rule> regex = new ArrayList<>();
        for (SensitiveWordView w : loader.get()) {
            if (!w.enabled()) {
                continue;
            }
            try {
                switch (w.matchType()) {
                    case EXACT -> exact.putIfAbsent(w.word().trim().toLowerCase(Locale.ROOT), w);
                    case REGEX -> regex.add(new Rule(w, new TextMatcher(MatchType.REGEX, w.word())));
                    default -> contains.add(new Rule(w, new TextMatcher(MatchType.CONTAINS, w.word())));
                }
            } catch (IllegalArgumentException e) {
                LOG.warning("sensitive word " + w.id() + " skipped: " + e.getMessage());
            }
        }
        compiled = new Compiled(List.copyOf(contains), Map.copyOf(exact), List.copyOf(regex));
    }

    /** The first word the request's prompt text matches, if any. */
    public Optional<SensitiveWordView> match(JsonNode body) {
        Compiled c = compiled;
        if (c.isEmpty() || body == null) {
            return Optional.empty();
        }
        List<String> texts = new ArrayList<>();
        collect(body, null, texts);
        for (String text : texts) {
            Optional<SensitiveWordView> hit = match(c, text);
            if (hit.isPresent()) {
                return hit;
            }
        }
        return Optional.empty();
    }

    private static Optional<SensitiveWordView> match(Compiled c, String text) {
        SensitiveWordView exact = c.exact().get(text.trim().toLowerCase(Locale.ROOT));
        if (exact != null) {
            return Optional.of(exact);
        }
        if (!c.contains().isEmpty()) {
            String lower = text.toLowerCase(Locale.ROOT);
            for (Rule r : c.contains()) {
                if (lower.contains(r.word().word().toLowerCase(Locale.ROOT))) {
                    return Optional.of(r.word());
                }
            }
        }
        for (Rule r : c.regex()) {
            if (r.matcher().foundIn(text)) {
                return Optional.of(r.word());
            }
        }
        return Optional.empty();
    }

    /** Text values under prompt fields, at any depth (content blocks, parts, input items). */
    static void collect(JsonNode node, String field, List<String> out) {
        if (node.isTextual()) {
            if (field != null && TEXT_FIELDS.contains(field)) {
                out.add(node.asText());
            }
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, field, out));
        } else if (node.isObject()) {
            node.properties().forEach(e -> collect(e.getValue(), e.getKey(), out));
        }
    }
}
