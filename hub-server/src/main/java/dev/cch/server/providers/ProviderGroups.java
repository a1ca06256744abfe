package dev.cch.server.providers;

import dev.cch.server.db.Rows;
import io.helidon.dbclient.DbClient;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Provider groups and their cost multipliers, cached in memory. */
public final class ProviderGroups {
    private final DbClient db;
    private volatile Map<String, BigDecimal> multipliers = Map.of();

    public ProviderGroups(DbClient db) {
        this.db = db;
    }

    public void reload() {
        Map<String, BigDecimal> m = new HashMap<>();
        try (var rows = db.execute().createNamedQuery("group-all").execute()) {
            rows.forEach(r -> m.put(Rows.string(r, "name"), Rows.decimal(r, "cost_multiplier")));
        }
        multipliers = Map.copyOf(m);
    }

    /** The multiplier of the billing group: the first of the caller's groups the provider is tagged with. */
    public BigDecimal multiplierFor(Provider p, List<String> callerGroups) {
        for (String g : callerGroups) {
            if (p.groupTags().contains(g) || "*".equals(g)) {
                String group = "*".equals(g) ? p.groupTags().getFirst() : g;
                return multipliers.getOrDefault(group, BigDecimal.ONE);
            }
        }
        return BigDecimal.ONE;
    }
}
