package dev.cch.server.billing;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The price table in memory, replaced whole on reload. A model is found by exact name, then alias, then the longest
 * listed name it starts with (so {@code claude-sonnet-4-5-20250929} is priced as {@code claude-sonnet-4-5}).
 */
public final class PriceTable {
    private final Supplier<List<Price>> loader;
    private volatile Index index = new Index(Map.of(), List.of());
    private volatile List<Price> all = List.of();

    private record Index(Map<String, Price> byName, List<Price> byLengthDesc) {
    }

    public PriceTable(Supplier<List<Price>> loader) {
        this.loader = loader;
    }

    public void reload() {
        List<Price> prices = loader.get();
        Map<String, Price> byName = new HashMap<>();
        for (Price p : prices) {
            for (String alias : p.aliases()) {
                byName.putIfAbsent(alias.toLowerCase(Locale.ROOT), p);
            }
        }
        for (Price p : prices) {
            byName.put(p.model().toLowerCase(Locale.ROOT), p);
        }
        List<Price> sorted = prices.stream().sorted(Comparator.comparingInt((Price p) -> p.model().length()).reversed()).toList();
        index = new Index(Map.copyOf(byName), sorted);
        all = List.copyOf(prices);
    }

    /** Every price, as loaded. */
    public List<Price> all() {
        return all;
    }

    public Optional<Price> find(String model) {
        if (model == null) {
            return Optional.empty();
        }
        String m = model.toLowerCase(Locale.ROOT);
        Index ix = index;
        Price exact = ix.byName().get(m);
        if (exact != null) {
            return Optional.of(exact);
        }
        for (Price p : ix.byLengthDesc()) {
            String name = p.model().toLowerCase(Locale.ROOT);
            if (m.startsWith(name) && (m.length() == name.length() || !Character.isLetterOrDigit(m.charAt(name.length())))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
