package dev.cch.server.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.admin.Problem;
import io.helidon.dbclient.DbClientException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ErrorHandler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.logging.Logger;

/**
 * An admin call that needs the database while it is unreachable: 503 problem+json with {@code Retry-After}, not a
 * plain-text 500. (The proxy keeps serving meanwhile, from its caches.)
 */
public final class DatabaseUnavailable implements ErrorHandler<DbClientException> {
    private static final Logger LOG = Logger.getLogger(DatabaseUnavailable.class.getName());
    private final ObjectMapper mapper;

    public DatabaseUnavailable(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res, DbClientException e) {
        LOG.warning("admin call " + req.prologue().method().text() + " " + req.path().path()
                + " failed: the database is unreachable (" + e.getClass().getSimpleName() + ")");
        try {
            res.status(Status.SERVICE_UNAVAILABLE_503);
            res.header(HeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE);
            res.header(HeaderNames.RETRY_AFTER, "5");
            res.send(mapper.writeValueAsBytes(Problem.of(503, "Database unavailable",
                    "the hub's database does not answer; the proxy keeps serving, admin changes wait until it is back")));
        } catch (JsonProcessingException bug) {
            throw new IllegalStateException(bug);
        }
    }
}
