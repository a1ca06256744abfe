package dev.cch.server.admin;

import dev.cch.protocol.admin.FieldError;
import dev.cch.protocol.admin.KeyCreated;
import dev.cch.protocol.admin.KeyRequest;
import dev.cch.protocol.admin.KeyView;
import dev.cch.server.crypto.HubKeys;
import dev.cch.server.keys.KeyRepository;
import dev.cch.server.users.UserRepository;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code /api/v1/keys}: hub API keys. Creating one returns its secret, the only time it is ever shown. */
public final class KeysApi implements AdminRoute.Service {
    private final KeyRepository keys;
    private final UserRepository users;
    private final HubKeys generator;
    private final AdminIo io;
    private final Crud<KeyRequest, KeyView> crud;

    public KeysApi(KeyRepository keys, UserRepository users, HubKeys generator, AdminIo io, AuditLog audit,
                   AdminChanges changes) {
        this.keys = keys;
        this.users = users;
        this.generator = generator;
        this.io = io;
        this.crud = new Crud<>(new Crud.Resource<>("key", KeyRequest.class, this::validate, this::create,
                this::replace, keys::get, keys::delete, KeyView::name, KeyView::id, changes::credentialsChanged), io, audit);
    }

    @Override
    public String root() {
        return "/api/v1/keys";
    }

    @Override
    public List<AdminRoute> routes() {
        return List.of(
                AdminRoute.get("/", this::list),
                AdminRoute.post("/", crud::create),
                AdminRoute.get("/{id}", crud::get),
                AdminRoute.put("/{id}", crud::replace),
                AdminRoute.delete("/{id}", crud::delete));
    }

    private void list(ServerRequest req, ServerResponse res) {
        Paging paging = Paging.of(req, res, io);
        if (paging == null) {
            return;
        }
        Long userId = req.query().first("userId").map(s -> {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                return -1L;
            }
        }).orElse(null);
        io.ok(res, paging.page(keys.list(userId, paging.after(), paging.limit() + 1), KeyView::id));
    }

    /** The answer carries the secret: the only time it is shown. */
    private Crud.Created<KeyView> create(KeyRequest r) {
        String secret = generator.generate();
        KeyView k = keys.create(r, HubKeys.hash(secret), HubKeys.displayPrefix(secret));
        return new Crud.Created<>(k, new KeyCreated(k, secret));
    }

    /** A key never moves to another user: the stored owner wins over the request. */
    private Optional<KeyView> replace(long id, KeyRequest r) {
        return keys.get(id).flatMap(before -> keys.update(id, owned(before.userId(), r)));
    }

    private List<FieldError> validate(Long id, KeyRequest r) {
        KeyRequest checked = id == null ? r : keys.get(id).map(k -> owned(k.userId(), r)).orElse(r);
        List<FieldError> errors = new ArrayList<>(checked.validate());
        if (checked.userId() != null && users.get(checked.userId()).isEmpty()) {
            errors.add(new FieldError("userId", "no such user"));
        }
        return errors;
    }

    private static KeyRequest owned(long userId, KeyRequest r) {
        return new KeyRequest(userId, r.name(), r.providerGroup(), r.limits(), r.enabled(), r.expiresAt());
    }
}
