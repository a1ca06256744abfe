package dev.cch.server.admin;

import dev.cch.protocol.admin.UserRequest;
import dev.cch.protocol.admin.UserView;
import dev.cch.server.users.UserRepository;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.List;

/** {@code /api/v1/users}: list, create, read, replace and delete users. */
public final class UsersApi implements AdminRoute.Service {
    private final UserRepository users;
    private final AdminIo io;
    private final Crud<UserRequest, UserView> crud;

    public UsersApi(UserRepository users, AdminIo io, AuditLog audit, AdminChanges changes) {
        this.users = users;
        this.io = io;
        this.crud = new Crud<>(new Crud.Resource<>("user", UserRequest.class, (id, r) -> r.validate(),
                r -> Crud.Created.<UserView>plain().apply(users.create(r)), users::update, users::get, users::delete, UserView::name, UserView::id,
                changes::credentialsChanged), io, audit);
    }

    @Override
    public String root() {
        return "/api/v1/users";
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
        if (paging != null) {
            String search = req.query().first("search").orElse(null);
            io.ok(res, paging.page(users.list(paging.after(), paging.limit() + 1, search), UserView::id));
        }
    }
}
