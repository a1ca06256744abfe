package dev.cch.server.billing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.server.db.Rows;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

import java.util.List;

/** Model prices in PostgreSQL. */
public final class PriceRepository {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private final DbClient db;
    private final ObjectMapper mapper;

    public PriceRepository(DbClient db, ObjectMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    public List<Price> all() {
        try (var rows = db.execute().createNamedQuery("price-all").execute()) {
            return rows.map(this::price).toList();
        }
    }

    Price price(DbRow r) {
        return new Price(Rows.string(r, "model"), Rows.string(r, "vendor"), Rows.string(r, "source"),
                Rows.decimal(r, "input_cost"), Rows.decimal(r, "output_cost"), Rows.decimal(r, "cache_write_5m_cost"),
                Rows.decimal(r, "cache_write_1h_cost"), Rows.decimal(r, "cache_read_cost"),
                Rows.intValue(r, "long_context_threshold"), Rows.decimal(r, "input_cost_long"),
                Rows.decimal(r, "output_cost_long"), Rows.decimal(r, "cache_write_5m_cost_long"),
                Rows.decimal(r, "cache_write_1h_cost_long"), Rows.decimal(r, "cache_read_cost_long"),
                mapper.convertValue(Rows.json(r, "aliases", mapper), STRINGS));
    }
}
