package dev.cch.server.admin;

import dev.cch.protocol.admin.FieldError;
import dev.cch.protocol.admin.MissingPriceView;
import dev.cch.protocol.admin.Page;
import dev.cch.protocol.admin.PriceRequest;
import dev.cch.protocol.admin.PriceView;
import dev.cch.protocol.admin.Problem;
import dev.cch.server.billing.PerMillion;
import dev.cch.server.billing.Price;
import dev.cch.server.billing.PriceRepository;
import dev.cch.server.prices.PriceSync;
import dev.cch.server.billing.PriceTable;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code /api/v1/prices}: the price table, searchable and paged; prices written here are {@code manual} and no sync
 * overwrites them; a sync on demand; and the models that were requested without a price.
 */
public final class PricesApi implements AdminRoute.Service {
    private static final Set<String> SOURCES = Set.of("seed", "sync", "manual");
    private final PriceRepository repo;
    private final PriceTable table;
    private final PriceSync sync;
    private final Clock clock;
    private final AdminIo io;
    private final AuditLog audit;
    private final Crud<PriceRequest, PriceView> crud;
    private final AddressGuard guard;

    /** The optional body of a sync request. */
    public record SyncRequest(String url) {
    }

    /** @param blockPrivateAddresses refuse a sync URL inside the network (the sync refuses it again at connect) */
    public PricesApi(PriceRepository repo, PriceTable table, PriceSync sync, Clock clock, AdminIo io, AuditLog audit,
                     AdminChanges changes, boolean blockPrivateAddresses) {
        this.guard = new AddressGuard(blockPrivateAddresses);
        this.repo = repo;
        this.table = table;
        this.sync = sync;
        this.clock = clock;
        this.io = io;
        this.audit = audit;
        this.crud = new Crud<>(new Crud.Resource<>("price", PriceRequest.class, (id, r) -> r.validate(),
                r -> Crud.Created.<PriceView>plain().apply(repo.create(manual(r))), (id, r) -> repo.update(id, manual(r)),
                repo::get, repo::delete, PriceView::model, PriceView::id, changes::pricesChanged), io, audit);
    }

    @Override
    public String root() {
        return "/api/v1/prices";
    }

    @Override
    public List<AdminRoute> routes() {
        return List.of(
                AdminRoute.get("/", this::list),
                AdminRoute.post("/", crud::create),
                AdminRoute.post("/sync", this::sync),
                AdminRoute.get("/missing", this::missing),
                AdminRoute.get("/{id}", crud::get),
                AdminRoute.put("/{id}", crud::replace),
                AdminRoute.delete("/{id}", crud::delete));
    }

    static Price manual(PriceRequest r) {
        return new Price(r.model(), r.vendor(), "manual", PerMillion.perToken(r.inputPerMTok()),
                PerMillion.perToken(r.outputPerMTok()), PerMillion.perToken(r.cacheWrite5mPerMTok()),
                PerMillion.perToken(r.cacheWrite1hPerMTok()), PerMillion.perToken(r.cacheReadPerMTok()),
                r.longContextThreshold(), PerMillion.perToken(r.inputLongPerMTok()),
                PerMillion.perToken(r.outputLongPerMTok()), null, null, null, r.aliases());
    }

    private void list(ServerRequest req, ServerResponse res) {
        Paging paging = Paging.of(req, res, io);
        if (paging == null) {
            return;
        }
        String source = Query.text(req, "source");
        if (source != null && !SOURCES.contains(source)) {
            io.invalid(res, List.of(new FieldError("source", "must be seed, sync or manual")));
            return;
        }
        io.ok(res, paging.page(repo.page(Query.text(req, "search"), Query.text(req, "vendor"), source, paging.after(),
                paging.limit() + 1), PriceView::id));
    }

    private void sync(ServerRequest req, ServerResponse res) {
        String url = null;
        if (req.content().hasEntity()) {
            var body = io.read(req, res, SyncRequest.class);
            if (body.isEmpty()) {
                return;
            }
            url = body.get().url();
            List<FieldError> errors = new ArrayList<>();
            if (url != null && !url.isBlank() && !url.startsWith("http://") && !url.startsWith("https://")) {
                errors.add(new FieldError("url", "must be an http(s) URL"));
            }
            guard.check("url", url, errors);
            if (!errors.isEmpty()) {
                io.invalid(res, errors);
                return;
            }
        }
        try {
            var result = sync.sync(url);
            audit.record(AdminAuth.actor(req), "price.sync", "price", null, result.source(), null, result);
            io.ok(res, result);
        } catch (PriceSync.SourceProblem e) {
            io.problem(res, Problem.of(502, "Price source unusable", e.getMessage()));
        }
    }

    private void missing(ServerRequest req, ServerResponse res) {
        List<MissingPriceView> items = new ArrayList<>();
        for (MissingPriceView m : repo.missing(clock.instant().minus(Duration.ofDays(30)))) {
            if (table.find(m.model()).isEmpty()) {
                items.add(m);
            }
        }
        io.ok(res, new Page<>(items, null));
    }
}
