package dev.cch.server.admin;

import dev.cch.protocol.admin.FieldError;
import dev.cch.protocol.admin.Problem;
import dev.cch.server.db.Conflict;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;
import java.util.function.ToLongFunction;

/**
 * The create / read / replace / delete handlers that every admin resource shares: validation to field errors,
 * 404 and 409 answers, an audit record of each change, and a signal to the running hub.
 *
 * @param <R> the request (create and replace) type
 * @param <V> the view type the API returns
 */
public final class Crud<R, V> {

    /** What one resource plugs in. */
    public record Resource<R, V>(String noun, Class<R> requestType,
                                 BiFunction<Long, R, List<FieldError>> validate,
                                 Function<R, Created<V>> create, BiFunction<Long, R, Optional<V>> replace,
                                 LongFunction<Optional<V>> get, LongPredicate delete,
                                 Function<V, String> name, ToLongFunction<V> id, Runnable changed) {
    }

    /** A created resource and what the 201 answer shows of it (usually the view; a key adds its secret once). */
    public record Created<V>(V view, Object answer) {
        public static <V> Function<V, Created<V>> plain() {
            return v -> new Created<>(v, v);
        }
    }

    private final Resource<R, V> r;
    private final AdminIo io;
    private final AuditLog audit;

    public Crud(Resource<R, V> resource, AdminIo io, AuditLog audit) {
        this.r = resource;
        this.io = io;
        this.audit = audit;
    }

    public void create(ServerRequest req, ServerResponse res) {
        io.read(req, res, r.requestType()).ifPresent(body -> {
            List<FieldError> errors = r.validate().apply(null, body);
            if (!errors.isEmpty()) {
                io.invalid(res, errors);
                return;
            }
            try {
                Created<V> c = r.create().apply(body);
                V v = c.view();
                audit.record(AdminAuth.actor(req), r.noun() + ".create", r.noun(), r.id().applyAsLong(v), r.name().apply(v), null, v);
                r.changed().run();
                io.created(res, c.answer());
            } catch (Conflict c) {
                io.problem(res, Problem.of(409, "Conflict", c.getMessage()));
            }
        });
    }

    public void get(ServerRequest req, ServerResponse res) {
        io.id(req, res, r.noun()).ifPresent(id -> r.get().apply(id).ifPresentOrElse(v -> io.ok(res, v),
                () -> io.notFound(res, r.noun() + " " + id)));
    }

    public void replace(ServerRequest req, ServerResponse res) {
        io.id(req, res, r.noun()).ifPresent(id -> io.read(req, res, r.requestType()).ifPresent(body -> {
            Optional<V> before = r.get().apply(id);
            if (before.isEmpty()) {
                io.notFound(res, r.noun() + " " + id);
                return;
            }
            List<FieldError> errors = r.validate().apply(id, body);
            if (!errors.isEmpty()) {
                io.invalid(res, errors);
                return;
            }
            try {
                r.replace().apply(id, body).ifPresentOrElse(v -> {
                    audit.record(AdminAuth.actor(req), r.noun() + ".update", r.noun(), id, r.name().apply(v), before.get(), v);
                    r.changed().run();
                    io.ok(res, v);
                }, () -> io.notFound(res, r.noun() + " " + id));
            } catch (Conflict c) {
                io.problem(res, Problem.of(409, "Conflict", c.getMessage()));
            }
        }));
    }

    public void delete(ServerRequest req, ServerResponse res) {
        io.id(req, res, r.noun()).ifPresent(id -> {
            Optional<V> before = r.get().apply(id);
            if (before.isEmpty() || !r.delete().test(id)) {
                io.notFound(res, r.noun() + " " + id);
                return;
            }
            audit.record(AdminAuth.actor(req), r.noun() + ".delete", r.noun(), id, r.name().apply(before.get()), before.get(), null);
            r.changed().run();
            io.noContent(res);
        });
    }
}
