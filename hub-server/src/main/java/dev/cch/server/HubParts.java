package dev.cch.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.error.ErrorBodies;
import dev.cch.server.admin.AdminAuth;
import dev.cch.server.changes.ChangeBus;
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
import dev.cch.server.json.Json;
import dev.cch.server.keys.KeyActivity;
import dev.cch.server.keys.KeyRepository;
import dev.cch.server.pipeline.Finish;
import dev.cch.server.pipeline.Pipeline;
import dev.cch.server.pipeline.ProxyPipeline;
import dev.cch.server.pipeline.Replies;
import dev.cch.server.providers.ProviderCatalog;
import dev.cch.server.providers.ProviderGroups;
import dev.cch.server.providers.ProviderRepository;
import dev.cch.server.proxy.InFlight;
import dev.cch.server.proxy.ModelsRoutes;
import dev.cch.server.proxy.BodyBudget;
import dev.cch.server.web.HeaderDeadline;
import dev.cch.server.proxy.ProxyRoutes;
import dev.cch.server.proxy.RequestBody;
import dev.cch.server.routing.ModelCatalog;
import dev.cch.server.requestlog.RequestLogWriter;
import dev.cch.server.requestlog.Quarantine;
import dev.cch.server.requestlog.Spool;
import dev.cch.protocol.convert.Conversions;
import dev.cch.server.admin.BreakersApi;
import dev.cch.server.admin.ErrorRulesApi;
import dev.cch.server.admin.LogsApi;
import dev.cch.server.admin.StatsApi;
import dev.cch.server.upstream.ProviderTester;
import dev.cch.server.admin.AuditApi;
import dev.cch.server.admin.MeApi;
import dev.cch.server.auth.AuthGate;
import dev.cch.server.auth.ClientAddress;
import dev.cch.server.auth.Lockout;
import dev.cch.server.providers.ProviderGroupRepository;
import dev.cch.server.admin.PricesApi;
import dev.cch.server.admin.SettingsApi;
import dev.cch.server.prices.PriceSync;
import dev.cch.server.requestlog.Retention;
import dev.cch.server.settings.RuntimeSettings;
import dev.cch.server.settings.SettingsRepository;
import dev.cch.protocol.admin.SettingsView;
import dev.cch.server.admin.ResourceApi;
import dev.cch.server.rules.SensitiveWordRepository;
import dev.cch.server.rules.SensitiveWords;
import dev.cch.server.admin.SessionsApi;
import dev.cch.server.sessions.SessionRepository;
import dev.cch.server.admin.EventsApi;
import dev.cch.server.events.EventHub;
import dev.cch.server.events.LiveEvents;
import dev.cch.server.events.MetricsTicker;
import dev.cch.server.events.TrafficWindow;
import dev.cch.server.stats.Periods;
import dev.cch.server.stats.StatsRepository;
import dev.cch.server.stats.StatsService;
import dev.cch.server.stats.RollupZone;
import dev.cch.server.logs.RequestLogRepository;
import dev.cch.server.admin.UsageApi;
import dev.cch.server.admin.WebhooksApi;
import dev.cch.server.notify.Notifications;
import dev.cch.server.observe.HubMetrics;
import dev.cch.server.observe.LangfuseExport;
import dev.cch.server.breakers.BreakerWatch;
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

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The composition root's wiring: every part of a hub, built once from its configuration. {@link HubServer} puts the
 * routes on a web server and runs the lifecycle; tests reach the parts through it.
 *
 * @param resources what must be closed on shutdown, in order
 */
public record HubParts(HubConfig config, ObjectMapper mapper, Database database, StateStore state,
                       RequestLogWriter requestLog, Health health, InFlight inFlight, String adminToken,
                       boolean adminTokenGenerated, AdminAuth adminAuth, List<AdminRoute.Service> adminServices,
                       AdminRoute.Service selfService, HubMetrics metrics, ProxyRoutes proxy, ModelsRoutes models,
                       HeaderDeadline headerDeadline, List<AutoCloseable> resources) {

    public static HubParts assemble(HubConfig config, Clock clock) {
        DataDirectory dataDir = new DataDirectory(config.dataDir());
        DataDirectory.Generated token = config.adminToken()
                .map(t -> new DataDirectory.Generated(t, false, null)).orElseGet(dataDir::adminToken);
        SecretCipher cipher = SecretCipher.fromBase64(config.masterKey().orElseGet(() -> dataDir.masterKey().value()));
        ObjectMapper mapper = Json.newMapper();
        Database db = Database.open(config);
        StateStore state = config.redisUrl()
                .<StateStore>map(url -> new RedisStateStore(url, config.redisPrefix(), config.redisTimeout(), mapper, clock))
                .orElseGet(LocalStateStore::new);

        UserRepository users = new UserRepository(db.client(), mapper);
        KeyRepository keys = new KeyRepository(db.client());
        ProviderRepository providers = new ProviderRepository(db.client(), mapper, cipher);
        ProviderCatalog catalog = new ProviderCatalog(providers::loadAll);
        catalog.reload();
        ProviderGroups groups = new ProviderGroups(db.client());
        groups.reload();
        PriceRepository priceRepo = new PriceRepository(db.client(), mapper);
        PriceTable prices = new PriceTable(priceRepo::all);
        prices.reload();
        RuntimeSettings settings = new RuntimeSettings(new SettingsRepository(db.client(), mapper),
                new SettingsView(config.billRedirectedModel() ? "redirected" : "requested", config.priceSyncUrl(),
                        config.priceSyncHours(), config.logRetentionDays()));
        settings.reload();
        RollupZone.ensure(db.client(), config.timeZone());

        ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(keys::findByHash, users::get, clock, Duration.ofSeconds(5),
                reload -> Thread.ofVirtual().name("cch-key-reload").start(reload));
        Replies replies = new Replies(new ErrorBodies(mapper));
        Watchdog watchdog = new Watchdog();
        ProxyRouting proxyRouting = new ProxyRouting();
        proxyRouting.install();
        HelidonTransport transport = new HelidonTransport(watchdog, proxyRouting,
                config.edge().blockPrivateAddresses());
        ProviderSelector selector = new ProviderSelector(catalog::all, Conversions::canServe, clock, config::timeZone,
                new Random());
        SharedBreakers breakers = new SharedBreakers(state, clock);
        ErrorRuleRepository ruleRepo = new ErrorRuleRepository(db.client());
        ErrorRules errorRules = new ErrorRules(ruleRepo::all);
        errorRules.reload();
        SensitiveWordRepository wordRepo = new SensitiveWordRepository(db.client());
        SensitiveWords sensitiveWords = new SensitiveWords(wordRepo::all);
        sensitiveWords.reload();
        LimitPlans limitPlans = new LimitPlans(new SpendCalendar(config::timeZone));
        FailoverPolicy failover = new FailoverPolicy(config.failoverSwitches(), config.failoverAttempts(), config.failoverDelay());
        AuthGate gate = new AuthGate(authenticator, new Lockout(state, config.lockoutFailures(), config.lockoutAddressFailures(),
                config.lockoutWindow(), config.lockoutDuration(), clock), new ClientAddress(config.trustedProxies()),
                Duration.ofSeconds(1));
        Pipeline pipeline = ProxyPipeline.assemble(new ProxyPipeline.Parts(gate, replies, selector,
                catalog::all, state, limitPlans, new LimitAnswers(config::timeZone), breakers, failover,
                HubParts::pause, transport, watchdog, mapper, errorRules, sensitiveWords, clock, config.sessionTtl()));

        RequestLogWriter logWriter = new RequestLogWriter(db.logDataSource(), db.statement("request-log-insert"),
                new Spool(config.dataDir().resolve("spool"), mapper),
                new Quarantine(config.dataDir().resolve("quarantine"), mapper), config.logBatch(),
                config.logFlushInterval(), config.logQueue());
        logWriter.start();
        EventHub events = new EventHub(4096, 2048);
        TrafficWindow traffic = new TrafficWindow(clock::millis);
        LiveEvents liveEvents = new LiveEvents(events, traffic, clock);
        breakers.onTransition(liveEvents::breakerChanged);
        StatsService stats = new StatsService(new StatsRepository(db.client()), new Periods(clock, config::timeZone),
                config.sessionTtl(), config.statsCache());
        Notifications notifications = Notifications.start(db.client(), mapper, cipher, state, limitPlans, stats, config, clock);
        breakers.onTransition(notifications::breakerChanged);
        LangfuseExport langfuse = new LangfuseExport(config.langfuse(), mapper, clock,
                config.edge().blockPrivateAddresses());
        BodyBudget bodyBudget = new BodyBudget(config.edge().bodyBudgetBytes());
        HubMetrics metrics = new HubMetrics();
        breakers.onTransition(metrics::breakerChanged);
        BreakerWatch breakerWatch = new BreakerWatch(breakers, state, catalog::all, clock, 1_000);
        KeyActivity keyActivity = new KeyActivity(keys::touch, clock, 5_000);
        Finish finish = new Finish(new CostCalculator(prices), logWriter, clock, groups::multiplierFor,
                settings::billRedirectedModel, List.of(new Settle(state, limitPlans, breakers, clock, config.sessionTtl()),
                liveEvents, notifications.spendWatch(), langfuse, metrics, keyActivity));
        InFlight inFlight = new InFlight();
        metrics.gauge("cch_active_requests", "Requests being proxied now (streams included)", inFlight::count)
                .gauge("cch_log_queue_depth", "Request log rows waiting to be written", logWriter::queueDepth)
                .gauge("cch_log_spooled_rows", "Request log rows spooled to disk while PostgreSQL was down", logWriter::spooledRows)
                .gauge("cch_log_spool_backlog_rows", "Request log rows in the spool waiting to be replayed",
                        () -> logWriter.backlog().spooledRows())
                .gauge("cch_log_spool_backlog_files", "Spool files waiting to be replayed", () -> logWriter.backlog().spoolFiles())
                .gauge("cch_log_quarantine_rows", "Request log rows PostgreSQL refused, set aside in the quarantine directory",
                        () -> logWriter.backlog().quarantinedRows())
                .gauge("cch_log_rows_lost", "Request log rows dropped because the writer's queue stayed full", logWriter::lostRows)
                .counter("cch_log_quarantined_rows", "Request log rows PostgreSQL refused and this process set aside",
                        logWriter::quarantinedRows)
                .gauge("cch_events_dropped", "Live events dropped because a listener was too slow", events::dropped)
                .gauge("cch_notifications_queue_depth", "Notifications waiting to be sent", notifications::queueDepth)
                .gauge("cch_notifications_dropped", "Notifications dropped because the queue was full", notifications::droppedCount)
                .gauge("cch_langfuse_queue_depth", "Requests waiting to be exported to Langfuse", langfuse::queueDepth)
                .gauge("cch_langfuse_dropped", "Requests not exported to Langfuse because the queue was full", langfuse::droppedCount)
                .gauge("cch_state_store_fail_opens", "State store calls that failed open (Redis unreachable or slow)",
                        () -> state instanceof RedisStateStore r ? r.failOpens() : 0)
                .gauge("cch_state_store_slow_commands", "State store commands past their timeout on a live connection",
                        () -> state instanceof RedisStateStore r ? r.slowCommands() : 0)
                .gauge("cch_state_store_outages", "Times Redis was found unreachable (limits off until it answered)",
                        () -> state instanceof RedisStateStore r ? r.outages() : 0)
                .gauge("cch_request_body_bytes_held", "Request body bytes held at once (the body budget in use)", bodyBudget::held);
        Health health = new Health(db::ping, state, HubServer.VERSION, () -> logWriter.backlog().checks());

        AdminIo io = new AdminIo(mapper, config.edge().maxBodyBytes());
        MetricsTicker ticker = new MetricsTicker(events, traffic, stats::overview, inFlight::count, clock);
        AuditLog audit = new AuditLog(db.client(), mapper);
        ChangeBus changes = new ChangeBus(state, Map.of(
                ChangeBus.Topic.CREDENTIALS, authenticator::invalidateAll,
                ChangeBus.Topic.PROVIDERS, () -> {
                    catalog.reload();
                    groups.reload();
                },
                ChangeBus.Topic.PRICES, prices::reload,
                ChangeBus.Topic.SETTINGS, settings::reload,
                ChangeBus.Topic.ERROR_RULES, errorRules::reload,
                ChangeBus.Topic.SENSITIVE_WORDS, sensitiveWords::reload),
                Map.of(ChangeBus.Topic.CREDENTIALS, authenticator::outdateAll), config.cacheRefresh());
        PriceSync priceSync = new PriceSync(priceRepo, changes::pricesChanged, clock,
                () -> settings.current().priceSyncUrl(), () -> settings.current().priceSyncHours(),
                config.edge().blockPrivateAddresses());
        Retention retention = new Retention(db.client(), clock, () -> settings.current().logRetentionDays());
        UsageApi usage = new UsageApi(users, keys, providers, catalog, state, limitPlans, clock, config.sessionTtl(), io,
                audit, changes);
        RequestLogRepository logRepo = new RequestLogRepository(db.client(), db.dataSource(), mapper);
        List<AdminRoute.Service> adminServices = List.of(
                new UsersApi(users, io, audit, changes),
                new KeysApi(keys, users, new HubKeys(), io, audit, changes),
                new ProvidersApi(providers, io, audit, changes,
                        (id, model) -> catalog.byId(id).map(p -> new ProviderTester(transport).test(p, model)),
                        config.edge().blockPrivateAddresses()),
                new BreakersApi(catalog::all, state, breakers, clock, io, audit),
                usage,
                new ErrorRulesApi(ruleRepo, errorRules, io, audit, changes),
                ResourceApi.sensitiveWords(wordRepo, io, audit, changes),
                new PricesApi(priceRepo, prices, priceSync, clock, io, audit, changes,
                        config.edge().blockPrivateAddresses()),
                new SettingsApi(settings, io, audit, changes, config.edge().blockPrivateAddresses()),
                ResourceApi.providerGroups(new ProviderGroupRepository(db.client()), io, audit, changes),
                new LogsApi(logRepo, io),
                new AuditApi(audit, io, HubServer.VERSION),
                new StatsApi(stats, io),
                new SessionsApi(new SessionRepository(db.client()), keys, users, catalog, state, limitPlans, clock,
                        config.sessionTtl(), io, audit),
                new EventsApi(events, mapper, health::isReady),
                new WebhooksApi(notifications, io, audit, config.edge().blockPrivateAddresses()));
        AdminAuth adminAuth = new AdminAuth(token.value(), gate, io, audit);
        ProxyRoutes proxy = new ProxyRoutes(pipeline, finish, replies, mapper, clock, inFlight,
                new RequestBody(config.edge().maxBodyBytes(), bodyBudget, config.edge().bodyTimeout(), watchdog));
        ModelsRoutes models = new ModelsRoutes(gate, new ModelCatalog(catalog::all, prices::all), replies, mapper);

        return new HubParts(config, mapper, db, state, logWriter, health, inFlight, token.value(), token.created(),
                adminAuth, adminServices, new MeApi(adminAuth, usage, stats, logRepo, io), metrics, proxy,
                models, new HeaderDeadline(watchdog, config.edge().headerTimeout()),
                List.of(breakerWatch, ticker, keyActivity, metrics, langfuse, notifications, priceSync, retention, logWriter, changes,
                        transport, watchdog, state, db));
    }

    static void pause(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
