package dev.cch.admin.testing;

import dev.cch.admin.api.HubClient;
import dev.cch.admin.api.HubException;
import dev.cch.protocol.admin.HealthView;

import java.util.Map;

/** A hub that lives in memory, for view-model and view tests. */
public final class FakeHubClient implements HubClient {
    public String acceptedToken = "secret-token";
    public boolean reachable = true;
    public HealthView health = new HealthView("up", true, "0.1.0", Map.of("database", "up", "stateStore", "local:up"));

    @Override
    public HealthView connect(String baseUrl, String adminToken) throws HubException {
        if (!reachable) {
            throw new HubException(HubException.Kind.UNREACHABLE, "No hub answers at " + baseUrl + ".");
        }
        if (!acceptedToken.equals(adminToken)) {
            throw new HubException(HubException.Kind.UNAUTHORIZED, "The server refused this admin token.");
        }
        return health;
    }

    @Override
    public HealthView health() {
        return health;
    }
}
