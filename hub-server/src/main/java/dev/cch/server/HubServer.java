package dev.cch.server;

import dev.cch.server.admin.AdminRoute;
import dev.cch.server.admin.DatabaseUnavailable;
import dev.cch.server.config.HubConfig;
import dev.cch.server.db.Database;
import dev.cch.server.health.Health;
import dev.cch.server.health.HealthRoutes;
import dev.cch.server.requestlog.RequestLogWriter;
import dev.cch.server.observe.MetricsToken;
import dev.cch.server.web.OpenApiRoutes;
import io.helidon.dbclient.DbClientException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http1.Http1Config;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A running hub: the parts from {@link HubParts} behind one Helidon web server. Stops in order: not ready, drain
 * in-flight requests (up to the grace period), stop the server, flush the request log, close stores.
 */
public final class HubServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HubServer.class.getName());
    public static final String VERSION = "0.1.0";

    private final HubParts parts;
    private final WebServer server;

    private HubServer(HubParts parts, WebServer server) {
        this.parts = parts;
        this.server = server;
    }

    /** Builds and starts a hub. */
    public static HubServer start(HubConfig config) {
        return start(config, Clock.systemUTC());
    }

    public static HubServer start(HubConfig config, Clock clock) {
        HubParts p = HubParts.assemble(config, clock);
        Http1Config http1 = Http1Config.builder().config(config.server().get("protocols.http_1_1"))
                .addReceiveListener(p.headerDeadline()).build();
        WebServer server = WebServer.builder()
                .config(config.server())
                .protocols(List.of(http1))
                .shutdownHook(false)
                .contentEncoding(new dev.cch.server.proxy.EncodingPassThrough())
                .addFeature(OpenApiRoutes.feature())
                .routing(r -> {
                    r.error(DbClientException.class, new DatabaseUnavailable(p.mapper()));
                    if (!config.edge().corsAllowedOrigins().isEmpty()) {
                        r.addFilter(new dev.cch.server.web.Cors(config.edge().corsAllowedOrigins()));
                    }
                    r.register("/health", new HealthRoutes(p.health(), p.mapper()));
                    r.get("/metrics", (req, res) -> {
                        if (!MetricsToken.allows(config.metricsToken(), req.headers().first(HeaderNames.AUTHORIZATION))) {
                            res.status(io.helidon.http.Status.UNAUTHORIZED_401).header(HeaderNames.WWW_AUTHENTICATE, "Bearer")
                                    .send();
                            return;
                        }
                        res.header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
                        res.send(p.metrics().scrape());
                    });
                    p.selfService().register(r); // any key, ahead of the admin guard
                    r.any("/api/v1/*", p.adminAuth());
                    r.any("/api/v1", p.adminAuth());
                    p.adminServices().forEach(s -> s.register(r));
                    r.register("/", p.models());
                    r.register("/", p.proxy());
                    OpenApiRoutes.register(r);
                })
                .build()
                .start();
        p.health().ready(true);
        return new HubServer(p, server);
    }

    /** Every admin API area of this hub, for documentation checks. */
    public List<AdminRoute.Service> adminServices() {
        return java.util.stream.Stream.concat(parts.adminServices().stream(), java.util.stream.Stream.of(parts.selfService()))
                .toList();
    }

    public HubParts parts() {
        return parts;
    }

    public int port() {
        return server.port();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public String adminToken() {
        return parts.adminToken();
    }

    public Database database() {
        return parts.database();
    }

    public RequestLogWriter requestLog() {
        return parts.requestLog();
    }

    public Health health() {
        return parts.health();
    }

    /** Prints where the hub listens and how to log in, for a person reading the console. */
    public void printBanner(PrintStream out) {
        HubConfig config = parts.config();
        out.println();
        out.println("  Claude Code Hub " + VERSION + " is running");
        out.println("  Proxy:      http://localhost:" + port() + "   (ANTHROPIC_BASE_URL / OPENAI_BASE_URL .../v1)");
        out.println("  Admin API:  http://localhost:" + port() + "/api/v1   docs: http://localhost:" + port() + "/openapi/ui");
        out.println("  Health:     http://localhost:" + port() + "/health");
        out.println("  Database:   " + (database().embedded() ? "embedded PostgreSQL in " + config.dataDir().resolve("postgres") : database().url()));
        out.println("  State:      " + parts.state().kind() + (parts.state().kind().equals("local") ? " (single node; set HUB_REDIS_URL for several)" : ""));
        if (parts.adminTokenGenerated()) {
            out.println("  Admin token (generated, shown once; kept in " + config.dataDir().resolve("admin-token") + "):");
            out.println("      " + adminToken());
        } else if (config.adminToken().isEmpty()) {
            out.println("  Admin token: in " + config.dataDir().resolve("admin-token"));
        } else {
            out.println("  Admin token: from configuration (HUB_ADMIN_TOKEN)");
        }
        out.println("  Log in:     curl -H \"Authorization: Bearer <admin token>\" http://localhost:" + port() + "/api/v1/users");
        out.println();
    }

    @Override
    public void close() {
        health().ready(false);
        try {
            int left = parts.inFlight().awaitIdle(parts.config().drainTimeout());
            if (left > 0) {
                LOG.warning(left + " requests still in flight after " + parts.config().drainTimeout() + "; stopping anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stop();
        for (AutoCloseable r : parts.resources()) {
            try {
                r.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "closing " + r.getClass().getSimpleName() + " failed", e);
            }
        }
    }
}
