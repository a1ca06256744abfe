package dev.cch.server.admin;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;

import java.util.List;

/**
 * One admin API route. Services list their routes as data so that registration and the OpenAPI coverage test
 * read the same table.
 *
 * @param path OpenAPI-style path relative to the service root, e.g. {@code /{id}}
 */
public record AdminRoute(Method method, String path, Handler handler) {

    public static AdminRoute get(String path, Handler h) {
        return new AdminRoute(Method.GET, path, h);
    }

    public static AdminRoute post(String path, Handler h) {
        return new AdminRoute(Method.POST, path, h);
    }

    public static AdminRoute put(String path, Handler h) {
        return new AdminRoute(Method.PUT, path, h);
    }

    public static AdminRoute delete(String path, Handler h) {
        return new AdminRoute(Method.DELETE, path, h);
    }

    /** An admin API area: a root path and its routes. */
    public interface Service {
        String root();

        List<AdminRoute> routes();

        default void register(HttpRules rules) {
            for (AdminRoute r : routes()) {
                String p = r.path().equals("/") ? root() : root() + r.path();
                rules.route(r.method(), p, r.handler());
            }
        }
    }
}
