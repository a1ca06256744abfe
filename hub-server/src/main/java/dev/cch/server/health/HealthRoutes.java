package dev.cch.server.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.admin.HealthView;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code /health} (status and checks; 503 when not ready), {@code /health/live} (the process answers) and
 * {@code /health/ready} (may take traffic).
 */
public final class HealthRoutes implements HttpService {
    private final Health health;
    private final ObjectMapper mapper;

    public HealthRoutes(Health health, ObjectMapper mapper) {
        this.health = health;
        this.mapper = mapper;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::all)
                .get("/live", (req, res) -> send(res, Status.OK_200, new HealthView("up", health.isReady(), null, java.util.Map.of())))
                .get("/ready", this::ready);
    }

    private void all(ServerRequest req, ServerResponse res) {
        HealthView v = health.view();
        send(res, !v.ready() ? Status.SERVICE_UNAVAILABLE_503 : Status.OK_200, v);
    }

    private void ready(ServerRequest req, ServerResponse res) {
        HealthView v = health.view();
        send(res, v.ready() ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503, v);
    }

    private void send(ServerResponse res, Status status, HealthView v) {
        try {
            res.status(status);
            res.header(HeaderNames.CONTENT_TYPE, "application/json");
            res.header(HeaderNames.CACHE_CONTROL, "no-store");
            res.send(mapper.writeValueAsBytes(v));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
