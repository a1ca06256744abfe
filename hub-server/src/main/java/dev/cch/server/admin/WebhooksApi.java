package dev.cch.server.admin;

import dev.cch.protocol.admin.FieldError;
import dev.cch.protocol.admin.Page;
import dev.cch.protocol.admin.WebhookRequest;
import dev.cch.protocol.admin.WebhookView;
import dev.cch.server.notify.Notifications;
import dev.cch.server.notify.WebhookRepository;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.ArrayList;
import java.util.List;

/** {@code /api/v1/webhooks}: notification targets (their secrets write-only) and a test button. */
public final class WebhooksApi implements AdminRoute.Service {
    private final Notifications notifications;
    private final WebhookRepository repo;
    private final AdminIo io;
    private final Crud<WebhookRequest, WebhookView> crud;
    private final AddressGuard guard;

    /** @param blockPrivateAddresses refuse targets inside the network (the sender refuses them again at connect) */
    public WebhooksApi(Notifications notifications, AdminIo io, AuditLog audit, boolean blockPrivateAddresses) {
        this.guard = new AddressGuard(blockPrivateAddresses);
        this.notifications = notifications;
        this.repo = notifications.repository();
        this.io = io;
        this.crud = new Crud<>(new Crud.Resource<>("webhook", WebhookRequest.class, this::validate,
                r -> Crud.Created.<WebhookView>plain().apply(repo.create(r)), repo::update, repo::get, repo::delete,
                WebhookView::name, WebhookView::id, notifications::targetsChanged), io, audit);
    }

    @Override
    public String root() {
        return "/api/v1/webhooks";
    }

    @Override
    public List<AdminRoute> routes() {
        return List.of(
                AdminRoute.get("/", (req, res) -> io.ok(res, new Page<>(repo.all(), null))),
                AdminRoute.post("/", crud::create),
                AdminRoute.get("/{id}", crud::get),
                AdminRoute.put("/{id}", crud::replace),
                AdminRoute.delete("/{id}", crud::delete),
                AdminRoute.post("/{id}/test", this::test));
    }

    /** A replace may omit a Telegram token that is already stored (omitted secrets are kept). */
    private List<FieldError> validate(Long id, WebhookRequest r) {
        List<FieldError> errors = new ArrayList<>(r.validate());
        if (!"telegram".equals(r.kind())) {
            guard.check("url", r.url(), errors);
        }
        if (id != null && r.secret() == null && repo.hasSecret(id)) {
            return errors.stream().filter(e -> !e.field().equals("secret")).toList();
        }
        return errors;
    }

    private void test(ServerRequest req, ServerResponse res) {
        io.id(req, res, "webhook").ifPresent(id -> notifications.test(id)
                .ifPresentOrElse(r -> io.ok(res, r), () -> io.notFound(res, "webhook " + id)));
    }
}
