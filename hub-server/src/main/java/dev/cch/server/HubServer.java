package dev.cch.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.error.ErrorBodies;
import dev.cch.server.admin.AdminAuth;
import dev.cch.server.admin.AdminChanges;
import dev.cch.server.admin.AdminIo;
import dev.cch.server.admin.AdminRoute;
import dev.cch.server.admin.AuditLog;
import dev.cch.server.admin.KeysApi;
import dev.cch.server.admin.ProvidersApi;
import dev.cch.server.admin.UsersApi;
import dev.cch.server.auth.ApiKeyAuthenticator;
import dev.cch.server.billing.CostCalculator;
import dev.cch.server.billing.PriceRepository;
import dev.cch.server.billing.PriceTable;
import dev.cch.server.config.DataDirectory;
import dev.cch.server.config.HubConfig;
import dev.cch.server.crypto.HubKeys;
import dev.cch.server.crypto.SecretCipher;
import dev.cch.server.db.Database;
import dev.cch.server.health.Health;
import dev.cch.server.health.HealthRoutes;
import dev.cch.server.json.Json;
import dev.cch.server.keys.KeyRepository;
import dev.cch.server.pipeline.Finish;
import dev.cch.server.pipeline.Pipeline;
import dev.cch.server.pipeline.ProxyPipeline;
import dev.cch.server.pipeline.Replies;
import dev.cch.server.providers.ProviderCatalog;
import dev.cch.server.providers.ProviderGroups;
import dev.cch.server.providers.ProviderRepository;
import dev.cch.server.proxy.InFlight;
import dev.cch.server.proxy.ProxyRoutes;
import dev.cch.server.requestlog.RequestLogWriter;
import dev.cch.server.requestlog.Spool;
import dev.cch.protocol.convert.Conversions;
import dev.cch.server.admin.BreakersApi;
import dev.cch.server.admin.ErrorRulesApi;
import dev.cch.server.admin.UsageApi;
import dev.cch.server.breakers.SharedBreakers;
import dev.cch.server.limits.LimitAnswers;
import dev.cch.server.limits.LimitPlans;
import dev.cch.server.limits.Settle;
import dev.cch.server.limits.SpendCalendar;
import dev.cch.server.routing.FailoverPolicy;
import dev.cch.server.routing.ProviderSelector;
import dev.cch.server.rules.ErrorRuleRepository;
import dev.cch.server.rules.ErrorRules;
import dev.cch.server.state.LocalStateStore;
import dev.cch.server.state.RedisStateStore;
import dev.cch.server.state.StateStore;
import dev.cch.server.upstream.Watchdog;
import dev.cch.server.upstream.http.HelidonTransport;
import dev.cch.server.upstream.http.ProxyRouting;
import dev.cch.server.users.UserRepository;
import dev.cch.server.web.OpenApiRoutes;
import io.helidon.webserver.WebServer;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.logging.Logger;

/**
 * The composition root: builds every part of a hub from its configuration, starts it, and stops it in order
 * (not ready, drain in-flight requests, stop the server, flush the request log, close stores).
 */
public final class HubServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HubServer.class.getName());
    public static final String VERSION = "0.1.0";

    private final HubConfig config;
    private final WebServer server;
    private final Database database;
    private final StateStore state;
    private final RequestLogWriter logWriter;
    private final HelidonTransport transport;
    private final Watchdog watchdog;
    private final Health health;
    private final InFlight inFlight;
    private final String adminToken;
    private final boolean adminTokenGenerated;
    private final List<AdminRoute.Service> adminServices;

    private HubServer(HubConfig config, WebServer server, Database database, StateStore state,
                      RequestLogWriter logWriter, HelidonTransport transport, Watchdog watchdog, Health health,
                      InFlight inFlight, String adminToken, boolean adminTokenGenerated,
                      List<AdminRoute.Service> adminServices) {
        this.config = config;
        this.server = server;
        this.database = database;
        this.state = state;
        this.logWriter = logWriter;
        this.transport = transport;
        this.watchdog = watchdog;
        this.health = health;
        this.inFlight = inFlight;
        this.adminToken = adminToken;
        this.adminTokenGenerated = adminTokenGenerated;
        this.adminServices = adminServices;
    }

    /** Builds and starts a hub. */
    public static HubServer start(HubConfig config) {
        return start(config, Clock.systemUTC());
    }

    public static HubServer start(HubConfig config, Clock clock) {
        DataDirectory dataDir = new DataDirectory(config.dataDir());
        DataDirectory.Generated token = config.adminToken()
                .map(t -> new DataDirectory.Generated(t, false, null)).orElseGet(dataDir::adminToken);
        SecretCipher cipher = SecretCipher.fromBase64(config.masterKey().orElseGet(() -> dataDir.masterKey().value()));
        ObjectMapper mapper = Json.newMapper();
        Database db = Database.open(config);
        StateStore state = config.redisUrl()
                .<StateStore>map(url -> new RedisStateStore(url, config.redisPrefix(), config.redisTimeout(), mapper))
                .orElseGet(LocalStateStore::new);

        UserRepository users = new UserRepository(db.client(), mapper);
        KeyRepository keys = new KeyRepository(db.client());
        ProviderRepository providers = new ProviderRepository(db.client(), mapper, cipher);
        ProviderCatalog catalog = new ProviderCatalog(providers::loadAll);
        catalog.reload();
        ProviderGroups groups = new ProviderGroups(db.client());
        groups.reload();
        PriceTable prices = new PriceTable(new PriceRepository(db.client(), mapper)::all);
        prices.reload();

        ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(keys::findByHash, users::get, clock, Duration.ofSeconds(5));
        Replies replies = new Replies(new ErrorBodies(mapper));
        Watchdog watchdog = new Watchdog();
        ProxyRouting proxyRouting = new ProxyRouting();
        proxyRouting.install();
        HelidonTransport transport = new HelidonTransport(watchdog, proxyRouting);
        ProviderSelector selector = new ProviderSelector(catalog::all, Conversions::canServe, clock, config::timeZone,
                new Random());
        SharedBreakers breakers = new SharedBreakers(state, clock);
        ErrorRuleRepository ruleRepo = new ErrorRuleRepository(db.client());
        ErrorRules errorRules = new ErrorRules(ruleRepo::all);
        errorRules.reload();
        LimitPlans limitPlans = new LimitPlans(new SpendCalendar(config::timeZone));
        FailoverPolicy failover = new FailoverPolicy(config.failoverSwitches(), config.failoverAttempts(), config.failoverDelay());
        Pipeline pipeline = ProxyPipeline.assemble(new ProxyPipeline.Parts(authenticator, replies, selector,
                catalog::all, state, limitPlans, new LimitAnswers(config::timeZone), breakers, failover,
                HubServer::pause, transport, watchdog, mapper, errorRules, clock, config.sessionTtl()));

        RequestLogWriter logWriter = new RequestLogWriter(db.dataSource(), db.statement("request-log-insert"), mapper,
                new Spool(config.dataDir().resolve("spool"), mapper), config.logBatch(), config.logFlushInterval(),
                config.logQueue());
        logWriter.start();
        Finish finish = new Finish(new CostCalculator(prices), logWriter, clock, groups::multiplierFor,
                config::billRedirectedModel, List.of(new Settle(state, limitPlans, breakers, clock, config.sessionTtl())));
        InFlight inFlight = new InFlight();
        Health health = new Health(db::ping, state, VERSION);

        AdminIo io = new AdminIo(mapper);
        AuditLog audit = new AuditLog(db.client(), mapper);
        AdminChanges changes = new AdminChanges() {
            @Override
            public void credentialsChanged() {
                authenticator.invalidateAll();
            }

            @Override
            public void providersChanged() {
                catalog.reload();
                groups.reload();
            }

            @Override
            public void pricesChanged() {
                prices.reload();
            }

            @Override
            public void errorRulesChanged() {
                errorRules.reload();
            }
        };
        List<AdminRoute.Service> adminServices = List.of(
                new UsersApi(users, io, audit, changes),
                new KeysApi(keys, users, new HubKeys(), io, audit, changes),
                new ProvidersApi(providers, io, audit, changes),
                new BreakersApi(catalog::all, state, breakers, clock, io, audit),
                new UsageApi(users, keys, providers, catalog, state, limitPlans, clock, config.sessionTtl(), io, audit, changes),
                new ErrorRulesApi(ruleRepo, errorRules, io, audit, changes));
        AdminAuth adminAuth = new AdminAuth(token.value(), authenticator, io);
        ProxyRoutes proxy = new ProxyRoutes(pipeline, finish, replies, mapper, clock, inFlight);

        WebServer server = WebServer.builder()
                .config(config.server())
                .shutdownHook(false)
                .addFeature(OpenApiRoutes.feature())
                .routing(r -> {
                    r.register("/health", new HealthRoutes(health, mapper));
                    r.any("/api/v1/*", adminAuth);
                    r.any("/api/v1", adminAuth);
                    adminServices.forEach(s -> s.register(r));
                    r.register("/", proxy);
                    OpenApiRoutes.register(r);
                })
                .build()
                .start();
        health.ready(true);
        return new HubServer(config, server, db, state, logWriter, transport, watchdog, health, inFlight,
                token.value(), token.created(), adminServices);
    }

    /** Every admin API area of this hub, for documentation checks. */
    public List<AdminRoute.Service> adminServices() {
        return adminServices;
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public int port() {
        return server.port();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public String adminToken() {
        return adminToken;
    }

    public Database database() {
        return database;
    }

    public RequestLogWriter requestLog() {
        return logWriter;
    }

    public Health health() {
        return health;
    }

    /** Prints where the hub listens and how to log in, for a person reading the console. */
    public void printBanner(PrintStream out) {
        out.println();
        out.println("  Claude Code Hub " + VERSION + " is running");
        out.println("  Proxy:      http://localhost:" + port() + "   (ANTHROPIC_BASE_URL / OPENAI_BASE_URL .../v1)");
        out.println("  Admin API:  http://localhost:" + port() + "/api/v1   docs: http://localhost:" + port() + "/openapi/ui");
        out.println("  Health:     http://localhost:" + port() + "/health");
        out.println("  Database:   " + (database.embedded() ? "embedded PostgreSQL in " + config.dataDir().resolve("postgres") : database.url()));
        out.println("  State:      " + state.kind() + (state.kind().equals("local") ? " (single node; set HUB_REDIS_URL for several)" : ""));
        if (adminTokenGenerated) {
            out.println("  Admin token (generated, shown once; kept in " + config.dataDir().resolve("admin-token") + "):");
            out.println("      " + adminToken);
        } else if (config.adminToken().isEmpty()) {
            out.println("  Admin token: in " + config.dataDir().resolve("admin-token"));
        } else {
            out.println("  Admin token: from configuration (HUB_ADMIN_TOKEN)");
        }
        out.println("  Log in:     curl -H \"Authorization: Bearer <admin token>\" http://localhost:" + port() + "/api/v1/users");
        out.println();
    }

    /** Stops taking new work, lets in-flight requests finish (up to the drain timeout), then releases everything. */
    @Override
    public void close() {
        health.ready(false);
        try {
            int left = inFlight.awaitIdle(config.drainTimeout());
            if (left > 0) {
                LOG.warning(left + " requests still in flight after " + config.drainTimeout() + "; stopping anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stop();
        logWriter.close();
        transport.close();
        watchdog.close();
        state.close();
        database.close();
    }
}
