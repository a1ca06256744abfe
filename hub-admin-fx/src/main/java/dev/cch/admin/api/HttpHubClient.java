package dev.cch.admin.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.cch.protocol.admin.HealthView;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** The hub's admin API over HTTP (JDK client, Jackson, the DTOs of hub-protocol). */
public final class HttpHubClient implements HubClient {
    /** Major version of the admin API this client understands. */
    static final String SUPPORTED_MAJOR = "0.";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private volatile String baseUrl;
    private volatile String token;

    @Override
    public HealthView connect(String url, String adminToken) throws HubException {
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        HealthView health = get(base, null, "/health", HealthView.class);
        if (health.version() == null || !health.version().startsWith(SUPPORTED_MAJOR)) {
            throw new HubException(HubException.Kind.INCOMPATIBLE, "This server runs hub version " + health.version()
                    + "; this client needs " + SUPPORTED_MAJOR + "x.");
        }
        get(base, adminToken, "/api/v1/users?limit=1", JsonNode.class);
        this.baseUrl = base;
        this.token = adminToken;
        return health;
    }

    @Override
    public HealthView health() throws HubException {
        return get(baseUrl, null, "/health", HealthView.class);
    }

    private <T> T get(String base, String auth, String path, Class<T> type) throws HubException {
        URI uri;
        try {
            uri = URI.create(base + path);
        } catch (IllegalArgumentException e) {
            throw new HubException(HubException.Kind.INVALID, "That is not a valid server URL.");
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
        if (auth != null) {
            b.header("Authorization", "Bearer " + auth);
        }
        HttpResponse<byte[]> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException | HttpTimeoutException e) {
            throw new HubException(HubException.Kind.UNREACHABLE, "No hub answers at " + base + ".");
        } catch (IOException e) {
            throw new HubException(HubException.Kind.UNREACHABLE, "Could not reach " + base + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubException(HubException.Kind.UNREACHABLE, "Interrupted.");
        } catch (IllegalArgumentException e) {
            throw new HubException(HubException.Kind.INVALID, "That is not a valid server URL.");
        }
        if (r.statusCode() == 401 || r.statusCode() == 403) {
            throw new HubException(HubException.Kind.UNAUTHORIZED, "The server refused this admin token.");
        }
        if (r.statusCode() >= 400 && !(path.equals("/health") && r.statusCode() == 503)) {
            throw new HubException(HubException.Kind.SERVER, "The server answered " + r.statusCode() + ".");
        }
        try {
            return mapper.readValue(r.body(), type);
        } catch (IOException e) {
            throw new HubException(HubException.Kind.INCOMPATIBLE, "The server at " + base + " does not look like a hub.");
        }
    }
}
