package dev.cch.server.admin;

import dev.cch.protocol.admin.Page;
import dev.cch.protocol.admin.SensitiveWordRequest;
import dev.cch.protocol.admin.SensitiveWordView;
import dev.cch.server.rules.SensitiveWordRepository;

import java.util.List;

/** {@code /api/v1/sensitive-words}: content rules that refuse requests; changes reach every node at once. */
public final class SensitiveWordsApi implements AdminRoute.Service {
    private final SensitiveWordRepository repo;
    private final AdminIo io;
    private final Crud<SensitiveWordRequest, SensitiveWordView> crud;

    public SensitiveWordsApi(SensitiveWordRepository repo, AdminIo io, AuditLog audit, AdminChanges changes) {
        this.repo = repo;
        this.io = io;
        this.crud = new Crud<>(new Crud.Resource<>("sensitive-word", SensitiveWordRequest.class, (id, r) -> r.validate(),
                r -> Crud.Created.<SensitiveWordView>plain().apply(repo.create(r)), repo::update, repo::get, repo::delete,
                SensitiveWordView::word, SensitiveWordView::id, changes::sensitiveWordsChanged), io, audit);
    }

    @Override
    public String root() {
        return "/api/v1/sensitive-words";
    }

    @Override
    public List<AdminRoute> routes() {
        return List.of(
                AdminRoute.get("/", (req, res) -> io.ok(res, new Page<>(repo.all(), null))),
                AdminRoute.post("/", crud::create),
                AdminRoute.get("/{id}", crud::get),
                AdminRoute.put("/{id}", crud::replace),
                AdminRoute.delete("/{id}", crud::delete));
    }
}
