package dev.cch.server.admin;

import dev.cch.protocol.admin.Page;
import dev.cch.protocol.admin.ProviderGroupRequest;
import dev.cch.protocol.admin.ProviderGroupView;
import dev.cch.protocol.admin.SensitiveWordRequest;
import dev.cch.protocol.admin.SensitiveWordView;
import dev.cch.server.providers.ProviderGroupRepository;
import dev.cch.server.rules.SensitiveWordRepository;

import java.util.List;
import java.util.function.Supplier;

/**
 * An admin resource that is a short list edited whole: list everything, create, read, replace, delete.
 *
 * @param <R> the request type
 * @param <V> the view type
 */
public final class ResourceApi<R, V> implements AdminRoute.Service {
    private final String root;
    private final Supplier<List<V>> all;
    private final Crud<R, V> crud;
    private final AdminIo io;

    public ResourceApi(String root, Supplier<List<V>> all, Crud.Resource<R, V> resource, AdminIo io, AuditLog audit) {
        this.root = root;
        this.all = all;
        this.crud = new Crud<>(resource, io, audit);
        this.io = io;
    }

    /** {@code /api/v1/sensitive-words}: content rules that refuse requests; changes reach every node at once. */
    public static ResourceApi<SensitiveWordRequest, SensitiveWordView> sensitiveWords(SensitiveWordRepository repo,
            AdminIo io, AuditLog audit, AdminChanges changes) {
        return new ResourceApi<>("/api/v1/sensitive-words", repo::all, new Crud.Resource<>("sensitive-word",
                SensitiveWordRequest.class, (id, r) -> r.validate(), r -> Crud.Created.<SensitiveWordView>plain().apply(repo.create(r)),
                repo::update, repo::get, repo::delete, SensitiveWordView::word, SensitiveWordView::id,
                changes::sensitiveWordsChanged), io, audit);
    }

    /** {@code /api/v1/provider-groups}: groups and the cost multiplier of requests billed in each. */
    public static ResourceApi<ProviderGroupRequest, ProviderGroupView> providerGroups(ProviderGroupRepository repo,
            AdminIo io, AuditLog audit, AdminChanges changes) {
        return new ResourceApi<>("/api/v1/provider-groups", repo::all, new Crud.Resource<>("provider-group",
                ProviderGroupRequest.class, (id, r) -> r.validate(), r -> Crud.Created.<ProviderGroupView>plain().apply(repo.create(r)),
                repo::update, repo::get, repo::delete, ProviderGroupView::name, ProviderGroupView::id,
                changes::providersChanged), io, audit);
    }

    @Override
    public String root() {
        return root;
    }

    @Override
    public List<AdminRoute> routes() {
        return List.of(
                AdminRoute.get("/", (req, res) -> io.ok(res, new Page<>(all.get(), null))),
                AdminRoute.post("/", crud::create),
                AdminRoute.get("/{id}", crud::get),
                AdminRoute.put("/{id}", crud::replace),
                AdminRoute.delete("/{id}", crud::delete));
    }
}
