package dev.cch.admin.logs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.admin.common.Formats;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a request's decision chain and cost breakdown (JSON from the hub) into sentences an admin can read. */
final class DecisionTimeline {
    private DecisionTimeline() {
    }

    static List<TimelineStep> steps(JsonNode chain) {
        List<TimelineStep> steps = new ArrayList<>();
        if (chain == null || !chain.isArray()) {
            return steps;
        }
        for (JsonNode e : chain) {
            String at = "+" + e.path("atMs").asLong() + " ms";
            String type = e.path("type").asText();
            steps.add(switch (type) {
                case "filter" -> new TimelineStep(at, "Filter: " + e.path("stage").asText(),
                        "kept " + names(e.path("kept"), false) + dropped(e.path("dropped")),
                        e.path("kept").isEmpty() ? "bad" : "info");
                case "tier" -> new TimelineStep(at, "Priority tier " + e.path("priority").asText(),
                        chances(e.path("candidates")), "info");
                case "session" -> new TimelineStep(at, "Session " + e.path("sessionId").asText(),
                        e.path("decision").asText() + " (id from " + e.path("source").asText() + ")"
                                + (e.has("boundProviderId") ? ", bound to provider #" + e.path("boundProviderId").asText() : ""),
                        "info");
                case "selected" -> new TimelineStep(at, "Selected " + e.path("provider").asText(),
                        "chosen by " + e.path("method").asText(), "info");
                case "attempt" -> attempt(at, e);
                case "rejected" -> new TimelineStep(at, "Rejected: " + e.path("reason").asText(),
                        e.path("detail").asText(""), "bad");
                case "outcome" -> new TimelineStep(at, "Outcome: HTTP " + e.path("status").asText(),
                        result(e.path("result").asText()) + (e.has("message") ? " — " + e.path("message").asText() : ""),
                        "success".equals(e.path("result").asText()) ? "good" : "bad");
                default -> new TimelineStep(at, type.replace('_', ' '), facts(e), "info");
            });
        }
        return steps;
    }

    private static TimelineStep attempt(String at, JsonNode e) {
        boolean ok = "success".equals(e.path("result").asText());
        StringBuilder d = new StringBuilder();
        if (e.has("status")) {
            d.append("HTTP ").append(e.path("status").asText()).append(" · ");
        }
        d.append(result(e.path("result").asText())).append(" · ").append(e.path("latencyMs").asText()).append(" ms");
        if (e.hasNonNull("upstreamModel")) {
            d.append(" · model ").append(e.path("upstreamModel").asText());
        }
        if (e.has("breaker")) {
            d.append(" · breaker ").append(e.path("breaker").asText().replace('_', '-'));
        }
        if (e.has("detail")) {
            d.append(" — ").append(e.path("detail").asText());
        }
        return new TimelineStep(at, "Attempt " + e.path("attempt").asText() + " → " + e.path("provider").asText(),
                d.toString(), ok ? "good" : "bad");
    }

    private static String result(String r) {
        return "success".equals(r) ? "success" : r.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String names(JsonNode list, boolean withReason) {
        if (!list.isArray() || list.isEmpty()) {
            return "none";
        }
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.path("name").asText() + (withReason ? " (" + n.path("reason").asText() + ")" : "")));
        return String.join(", ", out);
    }

    private static String dropped(JsonNode list) {
        return list.isArray() && !list.isEmpty() ? "; dropped " + names(list, true) : "";
    }

    private static String chances(JsonNode candidates) {
        List<String> out = new ArrayList<>();
        candidates.forEach(c -> out.add(c.path("name").asText() + " " + Formats.percent(c.path("probability").asDouble())
                + " (weight " + c.path("weight").asText() + ")"));
        return String.join(", ", out);
    }

    private static String facts(JsonNode e) {
        List<String> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = e.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!f.getKey().equals("type") && !f.getKey().equals("atMs")) {
                out.add(f.getKey() + " " + (f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString()));
            }
        }
        return String.join(" · ", out);
    }

    /** The cost breakdown as label / value lines: money as dollars, multipliers as ×n. */
    static List<String[]> cost(JsonNode breakdown) {
        List<String[]> lines = new ArrayList<>();
        if (breakdown == null || !breakdown.isObject()) {
            return lines;
        }
        Map<String, String> labels = Map.of("input", "Input", "output", "Output", "cacheWrite5m", "Cache write (5 min)",
                "cacheWrite1h", "Cache write (1 h)", "cacheRead", "Cache read", "cacheWrite", "Cache write",
                "providerMultiplier", "Provider multiplier", "groupMultiplier", "Group multiplier",
                "longContext", "Long-context pricing", "total", "Total");
        List<String> order = List.of("input", "output", "cacheWrite5m", "cacheWrite1h", "cacheWrite", "cacheRead",
                "longContext", "providerMultiplier", "groupMultiplier", "total");
        List<String> keys = new ArrayList<>();
        breakdown.fieldNames().forEachRemaining(keys::add);
        keys.sort(java.util.Comparator.comparingInt(k -> order.indexOf(k) < 0 ? order.size() - 1 : order.indexOf(k)));
        for (String k : keys) {
            JsonNode v = breakdown.get(k);
            String shown;
            if (k.endsWith("Multiplier")) {
                shown = "×" + v.asText();
            } else if (v.isBoolean()) {
                shown = v.asBoolean() ? "yes" : "no";
            } else if (v.isNumber() || v.isTextual() && v.asText().matches("-?[0-9.]+(E-?[0-9]+)?")) {
                shown = Formats.usd(new BigDecimal(v.asText()));
            } else {
                shown = v.asText();
            }
            lines.add(new String[]{labels.getOrDefault(k, k), shown});
        }
        return lines;
    }
}
