package dev.cch.server.admin;

import dev.cch.protocol.admin.Page;
import dev.cch.protocol.admin.Problem;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.List;
import java.util.function.ToLongFunction;

/** {@code ?cursor=&limit=} of list endpoints: limit 1..200 (default 50). */
public record Paging(long after, int limit) {
    public static final int DEFAULT = 50;
    public static final int MAX = 200;

    /** The paging of a request, or null after answering 400 for a bad cursor or limit. */
    public static Paging of(ServerRequest req, ServerResponse res, AdminIo io) {
        long after = Cursor.decode(req.query().first("cursor").orElse(null));
        if (after < 0) {
            io.problem(res, Problem.of(400, "Invalid request", "cursor is not valid"));
            return null;
        }
        int limit;
        try {
            limit = Integer.parseInt(req.query().first("limit").orElse(String.valueOf(DEFAULT)));
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX) {
            io.problem(res, Problem.of(400, "Invalid request", "limit must be between 1 and " + MAX));
            return null;
        }
        return new Paging(after, limit);
    }

    /** Trims a result fetched with {@code limit + 1} rows to a page with the right next cursor. */
    public <T> Page<T> page(List<T> fetched, ToLongFunction<T> id) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(items, Cursor.encode(id.applyAsLong(items.getLast())));
    }
}
