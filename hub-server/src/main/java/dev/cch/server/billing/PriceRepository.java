package dev.cch.server.billing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.admin.MissingPriceView;
import dev.cch.protocol.admin.PriceView;
import dev.cch.server.db.Conflict;
import dev.cch.server.db.Rows;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Model prices in PostgreSQL, stored per token; the admin API shows them per million tokens. */
public final class PriceRepository {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private final DbClient db;
    private final ObjectMapper mapper;

    /** The outcome of writing one synced price. */
    public enum SyncOutcome { ADDED, UPDATED, UNCHANGED, KEPT_MANUAL }

    public PriceRepository(DbClient db, ObjectMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    public List<Price> all() {
        try (var rows = db.execute().createNamedQuery("price-all").execute()) {
            return rows.map(this::price).toList();
        }
    }

    public Optional<PriceView> get(long id) {
        return db.execute().createNamedGet("price-get").addParam("id", id).execute().map(this::view);
    }

    /** One page ordered by id; {@code search} matches part of the model name or an alias. */
    public List<PriceView> page(String search, String vendor, String source, long after, int limit) {
        try (var rows = db.execute().createNamedQuery("price-page").addParam("after", after)
                .addParam("pattern", search == null ? null : "%" + search.replace("%", "\\%").replace("_", "\\_") + "%")
                .addParam("vendor", vendor).addParam("source", source).addParam("limit", limit).execute()) {
            return rows.map(this::view).toList();
        }
    }

    public PriceView create(Price p) {
        try {
            return db.execute().createNamedGet("price-insert").params(params(p)).execute().map(this::view).orElseThrow();
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    public Optional<PriceView> update(long id, Price p) {
        Map<String, Object> params = params(p);
        params.put("id", id);
        try {
            return db.execute().createNamedGet("price-update").params(params).execute().map(this::view);
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    public boolean delete(long id) {
        return db.execute().createNamedDelete("price-delete").addParam("id", id).execute() > 0;
    }

    /**
     * Writes synced prices in one transaction: new models are added, changed ones updated, manual ones left alone.
     * Returns the outcome per model.
     */
    public Map<String, SyncOutcome> sync(List<Price> prices) {
        Map<String, SyncOutcome> out = new HashMap<>();
        DbTransaction tx = db.transaction();
        try {
            Map<String, Price> current = new HashMap<>();
            Map<String, Long> ids = new HashMap<>();
            try (var rows = tx.createNamedQuery("price-all").execute()) {
                rows.forEach(r -> {
                    current.put(Rows.string(r, "model"), price(r));
                    ids.put(Rows.string(r, "model"), Rows.longValue(r, "id"));
                });
            }
            for (Price p : prices) {
                Price old = current.get(p.model());
                if (old == null) {
                    tx.createNamedGet("price-insert").params(params(p)).execute();
                    out.put(p.model(), SyncOutcome.ADDED);
                } else if ("manual".equals(old.source())) {
                    out.put(p.model(), SyncOutcome.KEPT_MANUAL);
                } else if (samePrices(old, p)) {
                    out.put(p.model(), SyncOutcome.UNCHANGED);
                } else {
                    Map<String, Object> params = params(p);
                    params.put("id", ids.get(p.model()));
                    tx.createNamedGet("price-update").params(params).execute();
                    out.put(p.model(), SyncOutcome.UPDATED);
                }
            }
            tx.commit();
            return out;
        } catch (RuntimeException e) {
            try {
                tx.rollback();
            } catch (RuntimeException r) {
                e.addSuppressed(r);
            }
            throw e;
        }
    }

    /** Models requested since {@code since} that had no price, most requested first. */
    public List<MissingPriceView> missing(Instant since) {
        try (var rows = db.execute().createNamedQuery("price-missing").addParam("since", Rows.param(since)).execute()) {
            return rows.map(r -> new MissingPriceView(Rows.string(r, "model"), Rows.longOr(r, "requests", 0),
                    Rows.instant(r, "last_seen"))).toList();
        }
    }

    static boolean samePrices(Price a, Price b) {
        return same(a.input(), b.input()) && same(a.output(), b.output()) && same(a.cacheWrite5m(), b.cacheWrite5m())
                && same(a.cacheWrite1h(), b.cacheWrite1h()) && same(a.cacheRead(), b.cacheRead())
                && java.util.Objects.equals(a.longContextThreshold(), b.longContextThreshold())
                && same(a.inputLong(), b.inputLong()) && same(a.outputLong(), b.outputLong())
                && same(a.cacheWrite5mLong(), b.cacheWrite5mLong()) && same(a.cacheWrite1hLong(), b.cacheWrite1hLong())
                && same(a.cacheReadLong(), b.cacheReadLong()) && a.vendor().equals(b.vendor())
                && a.aliases().equals(b.aliases());
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static RuntimeException translate(RuntimeException e) {
        return Conflict.isUniqueViolation(e) ? new Conflict("a price for this model already exists") : e;
    }

    private Map<String, Object> params(Price p) {
        Map<String, Object> m = new HashMap<>();
        m.put("model", p.model());
        m.put("vendor", p.vendor());
        m.put("source", p.source());
        m.put("input", p.input());
        m.put("output", p.output());
        m.put("cacheWrite5m", p.cacheWrite5m());
        m.put("cacheWrite1h", p.cacheWrite1h());
        m.put("cacheRead", p.cacheRead());
        m.put("longContextThreshold", p.longContextThreshold());
        m.put("inputLong", p.inputLong());
        m.put("outputLong", p.outputLong());
        m.put("cacheWrite5mLong", p.cacheWrite5mLong());
        m.put("cacheWrite1hLong", p.cacheWrite1hLong());
        m.put("cacheReadLong", p.cacheReadLong());
        try {
            m.put("aliases", mapper.writeValueAsString(p.aliases()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return m;
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

    PriceView view(DbRow r) {
        Price p = price(r);
        return new PriceView(Rows.longValue(r, "id"), p.model(), p.vendor(), p.source(), PerMillion.of(p.input()),
                PerMillion.of(p.output()), PerMillion.of(p.cacheWrite5m()), PerMillion.of(p.cacheWrite1h()),
                PerMillion.of(p.cacheRead()), p.longContextThreshold(), PerMillion.of(p.inputLong()),
                PerMillion.of(p.outputLong()), p.aliases(), Rows.instant(r, "updated_at"));
    }
}
