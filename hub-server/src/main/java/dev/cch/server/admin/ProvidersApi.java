package dev.cch.server.admin;

import dev.cch.protocol.admin.FieldError;
import dev.cch.protocol.admin.ProviderRequest;
import dev.cch.protocol.admin.ProviderView;
import dev.cch.server.providers.ProviderRepository;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dev.cch.server.providers.ProxySpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import dev.cch.protocol.admin.ProviderTestResult;

/** {@code /api/v1/providers}: upstream providers. Secrets go in, never come out (only a hint). */
public final class ProvidersApi implements AdminRoute.Service {
    private final ProviderRepository providers;
    private final AdminIo io;
    private final Crud<ProviderRequest, ProviderView> crud;
    private final BiFunction<Long, String, Optional<ProviderTestResult>> tester;
    private final AddressGuard guard;

    /** The optional body of a connection test. */
    public record TestRequest(String model) {
    }

    /** @param tester runs a connection test of provider id with a model (null: the type's default), if it exists */
    public ProvidersApi(ProviderRepository providers, AdminIo io, AuditLog audit, AdminChanges changes,
                        BiFunction<Long, String, Optional<ProviderTestResult>> tester, boolean blockPrivateAddresses) {
        this.guard = new AddressGuard(blockPrivateAddresses);
        this.providers = providers;
        this.io = io;
        this.tester = tester;
        this.crud = new Crud<>(new Crud.Resource<>("provider", ProviderRequest.class, this::validate,
                r -> Crud.Created.<ProviderView>plain().apply(providers.create(r)), providers::update, providers::get, providers::delete, ProviderView::name,
                ProviderView::id, changes::providersChanged), io, audit);
    }

    @Override
    public String root() {
        return "/api/v1/providers";
    }

    @Override
    public List<AdminRoute> routes() {
        return List.of(
                AdminRoute.get("/", this::list),
                AdminRoute.post("/", crud::create),
                AdminRoute.get("/{id}", crud::get),
                AdminRoute.put("/{id}", crud::replace),
                AdminRoute.delete("/{id}", crud::delete),
                AdminRoute.post("/{id}/test", this::test));
    }

    private void test(ServerRequest req, ServerResponse res) {
        io.id(req, res, "provider").ifPresent(id -> {
            String model = null;
            if (req.content().hasEntity()) {
                Optional<TestRequest> body = io.read(req, res, TestRequest.class);
                if (body.isEmpty()) {
                    return;
                }
                model = body.get().model();
            }
            tester.apply(id, model).ifPresentOrElse(r -> io.ok(res, r), () -> io.notFound(res, "provider " + id));
        });
    }

    private void list(ServerRequest req, ServerResponse res) {
        Paging paging = Paging.of(req, res, io);
        if (paging != null) {
            io.ok(res, paging.page(providers.list(paging.after(), paging.limit() + 1), ProviderView::id));
        }
    }

    /**
     * A new provider needs a secret; a replaced one keeps its own when none is sent, and its proxy password when the
     * mask is sent back in its place. Where the guard is on, the proxy's host is checked whatever its password.
     */
    private List<FieldError> validate(Long id, ProviderRequest r) {
        List<FieldError> errors = new ArrayList<>(r.validate());
        if (id == null && (r.secret() == null || r.secret().isBlank())) {
            errors.add(new FieldError("secret", "is required"));
        }
        if (ProxySpec.masked(r.proxyUrl()) && (id == null || !storedProxyHasPassword(id))) {
            errors.add(new FieldError("proxyUrl", "has the mask **** as its password, and there is no stored password"
                    + " for it to keep; send the real password"));
        }
        guard.check("baseUrl", r.baseUrl(), errors);
        guard.check("proxyUrl", r.proxyUrl(), errors);
        return errors;
    }

    /** The view shows a stored proxy password as the mask, so a masked view means there is one to keep. */
    private boolean storedProxyHasPassword(long id) {
        return providers.get(id).map(v -> ProxySpec.masked(v.proxyUrl())).orElse(false);
    }
}
