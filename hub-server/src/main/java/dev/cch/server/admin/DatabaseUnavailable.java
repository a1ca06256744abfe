package dev.cch.server.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.admin.Problem;
import dev.cch.server.requestlog.InsertFailure;
import io.helidon.dbclient.DbClientException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ErrorHandler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * An admin call whose database work failed: 400 problem+json when PostgreSQL refused a value (told apart by SQLState,
 * as for log rows), else the database is unreachable: 503 problem+json with {@code Retry-After}, not a plain-text
 * 500. (The proxy keeps serving meanwhile, from its caches.)
 */
public final class DatabaseUnavailable implements ErrorHandler<DbClientException> {
    private static final Logger LOG = Logger.getLogger(DatabaseUnavailable.class.getName());
    private final ObjectMapper mapper;

    public DatabaseUnavailable(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res, DbClientException e) {
        SQLException sql = sqlCause(e);
        if (sql != null && InsertFailure.of(sql) == InsertFailure.BAD_ROW) {
            // the database answered and refused a value (a NUL byte, an out-of-range number): the caller's input
            send(res, Problem.of(400, "Invalid request", "a value was refused by the database (SQLState "
                    + InsertFailure.sqlState(sql) + "); check for control characters and out-of-range numbers"));
            return;
        }
        LOG.warning("admin call " + req.prologue().method().text() + " " + req.path().path()
                + " failed: the database is unreachable (" + e.getClass().getSimpleName() + ")");
        res.header(HeaderNames.RETRY_AFTER, "5");
        send(res, Problem.of(503, "Database unavailable",
                "the hub's database does not answer; the proxy keeps serving, admin changes wait until it is back"));
    }

    private void send(ServerResponse res, Problem p) {
        try {
            res.status(Status.create(p.status()));
            res.header(HeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE);
            res.send(mapper.writeValueAsBytes(p));
        } catch (JsonProcessingException bug) {
            throw new IllegalStateException(bug);
        }
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }
}
