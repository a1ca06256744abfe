package dev.cch.server.prices;

import dev.cch.server.billing.Price;
import dev.cch.server.billing.PerMillion;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads price lists in the two shapes a sync accepts, exactly (numbers as decimals, never doubles):
 * <ul>
 *   <li>LiteLLM's {@code model_prices_and_context_window.json}: per-token USD, keyed by model; entries routed
 *       through a provider prefix ({@code bedrock/…}) and non-chat modes are skipped;</li>
 *   <li>TOML: {@code [models."name"]} tables with per-million-token USD prices {@code input}, {@code output},
 *       {@code cache_write_5m}, {@code cache_write_1h}, {@code cache_read}, {@code long_context_threshold},
 *       {@code input_long}, {@code output_long}, {@code vendor} and {@code aliases}.</li>
 * </ul>
 */
public final class PriceSources {
    private static final Set<String> CHAT_MODES = Set.of("chat", "responses", "completion");
    private static final Pattern ABOVE = Pattern.compile("input_cost_per_token_above_(\\d+)k_tokens");
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final TomlMapper TOML = TomlMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private PriceSources() {
    }

    /** Parses a price list; TOML when the name ends in .toml or the text does not start like JSON. */
    public static List<Price> parse(String name, String text) {
        String trimmed = text.stripLeading();
        boolean toml = name.toLowerCase(Locale.ROOT).endsWith(".toml") || !(trimmed.startsWith("{"));
        try {
            return toml ? fromToml(TOML.readTree(text)) : fromLiteLlm(JSON.readTree(text));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a valid " + (toml ? "TOML" : "JSON") + " price list: "
                    + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl > 0 ? s.substring(0, nl) : s;
    }

    static List<Price> fromLiteLlm(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("a LiteLLM price list is a JSON object keyed by model");
        }
        List<Price> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            String model = e.getKey();
            JsonNode n = e.getValue();
            if (model.contains("/") || model.equals("sample_spec") || !n.isObject()) {
                continue;
            }
            String mode = n.path("mode").asText("chat");
            BigDecimal in = dec(n, "input_cost_per_token");
            BigDecimal outCost = dec(n, "output_cost_per_token");
            if (!CHAT_MODES.contains(mode) || in == null || outCost == null) {
                continue;
            }
            Integer threshold = null;
            String suffix = null;
            for (var it = n.fieldNames(); it.hasNext(); ) {
                Matcher m = ABOVE.matcher(it.next());
                if (m.matches()) {
                    threshold = Integer.parseInt(m.group(1)) * 1000;
                    suffix = "_above_" + m.group(1) + "k_tokens";
                    break;
                }
            }
            out.add(new Price(model, n.path("litellm_provider").asText(""), "sync", in, outCost,
                    dec(n, "cache_creation_input_token_cost"), dec(n, "cache_creation_input_token_cost_above_1hr"),
                    dec(n, "cache_read_input_token_cost"), threshold,
                    suffix == null ? null : dec(n, "input_cost_per_token" + suffix),
                    suffix == null ? null : dec(n, "output_cost_per_token" + suffix),
                    suffix == null ? null : dec(n, "cache_creation_input_token_cost" + suffix),
                    null,
                    suffix == null ? null : dec(n, "cache_read_input_token_cost" + suffix), List.of()));
        }
        return out;
    }

    static List<Price> fromToml(JsonNode root) {
        JsonNode models = root == null ? null : root.get("models");
        if (models == null || !models.isObject()) {
            throw new IllegalArgumentException("a TOML price list has [models.\"name\"] tables");
        }
        List<Price> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : models.properties()) {
            JsonNode n = e.getValue();
            BigDecimal in = dec(n, "input");
            BigDecimal outCost = dec(n, "output");
            if (in == null || outCost == null) {
                throw new IllegalArgumentException("model " + e.getKey() + " needs input and output prices");
            }
            List<String> aliases = new ArrayList<>();
            n.path("aliases").forEach(a -> aliases.add(a.asText()));
            out.add(new Price(e.getKey(), n.path("vendor").asText(""), "sync", PerMillion.perToken(in),
                    PerMillion.perToken(outCost), PerMillion.perToken(dec(n, "cache_write_5m")),
                    PerMillion.perToken(dec(n, "cache_write_1h")), PerMillion.perToken(dec(n, "cache_read")),
                    n.hasNonNull("long_context_threshold") ? n.get("long_context_threshold").asInt() : null,
                    PerMillion.perToken(dec(n, "input_long")), PerMillion.perToken(dec(n, "output_long")),
                    null, null, null, aliases));
        }
        return out;
    }

    private static BigDecimal dec(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
