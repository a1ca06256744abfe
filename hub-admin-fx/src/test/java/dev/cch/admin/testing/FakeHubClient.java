package dev.cch.admin.testing;

import dev.cch.admin.api.AuditFilter;
import dev.cch.admin.api.HubClient;
import dev.cch.admin.api.HubException;
import dev.cch.admin.api.LogFilter;
import dev.cch.protocol.admin.AuditView;
import dev.cch.protocol.admin.BreakerView;
import dev.cch.protocol.admin.ErrorRuleRequest;
import dev.cch.protocol.admin.ErrorRuleTest;
import dev.cch.protocol.admin.ErrorRuleVerdict;
import dev.cch.protocol.admin.ErrorRuleView;
import dev.cch.protocol.admin.FieldError;
import dev.cch.protocol.admin.HealthView;
import dev.cch.protocol.admin.KeyCreated;
import dev.cch.protocol.admin.KeyRequest;
import dev.cch.protocol.admin.KeyView;
import dev.cch.protocol.admin.LeaderboardView;
import dev.cch.protocol.admin.LiveEvent;
import dev.cch.protocol.admin.MissingPriceView;
import dev.cch.protocol.admin.OverviewView;
import dev.cch.protocol.admin.Page;
import dev.cch.protocol.admin.PriceRequest;
import dev.cch.protocol.admin.PriceSyncResult;
import dev.cch.protocol.admin.PriceView;
import dev.cch.protocol.admin.ProviderGroupRequest;
import dev.cch.protocol.admin.ProviderGroupView;
import dev.cch.protocol.admin.ProviderRequest;
import dev.cch.protocol.admin.ProviderTestResult;
import dev.cch.protocol.admin.ProviderView;
import dev.cch.protocol.admin.RequestLogView;
import dev.cch.protocol.admin.SensitiveWordRequest;
import dev.cch.protocol.admin.SensitiveWordView;
import dev.cch.protocol.admin.SeriesView;
import dev.cch.protocol.admin.SessionView;
import dev.cch.protocol.admin.SettingsView;
import dev.cch.protocol.admin.UsageView;
import dev.cch.protocol.admin.UserRequest;
import dev.cch.protocol.admin.UserView;
import dev.cch.protocol.admin.WebhookRequest;
import dev.cch.protocol.admin.WebhookTestResult;
import dev.cch.protocol.admin.WebhookView;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** A hub that lives in memory, for view-model and view tests. Fields are public so tests can arrange and inspect. */
public final class FakeHubClient implements HubClient {
    public static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");

    public String acceptedToken = "secret-token";
    public boolean reachable = true;
    public String url = "http://localhost:23000";
    public HealthView health = new HealthView("up", true, "0.1.0", Map.of("database", "up", "stateStore", "local:up"));
    /** When set, every call after connect fails with it. */
    public HubException failure;
    public final List<String> calls = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(100);

    public final Map<Long, UserView> users = new TreeMap<>();
    public final Map<Long, KeyView> keys = new TreeMap<>();
    public final Map<Long, ProviderView> providers = new TreeMap<>();
    public final Map<Long, BreakerView> breakers = new TreeMap<>();
    public final Map<Long, ProviderGroupView> groups = new TreeMap<>();
    public final Map<Long, PriceView> prices = new TreeMap<>();
    public final Map<Long, SensitiveWordView> words = new TreeMap<>();
    public final Map<Long, ErrorRuleView> rules = new TreeMap<>();
    public final Map<Long, WebhookView> webhooks = new TreeMap<>();
    public final List<RequestLogView> logs = new ArrayList<>();
    public final List<SessionView> sessions = new ArrayList<>();
    public final List<AuditView> audit = new ArrayList<>();
    public final List<MissingPriceView> missing = new ArrayList<>();
    public final Map<String, UsageView> usage = new TreeMap<>();
    public OverviewView overview = new OverviewView(Samples.figures(120, 3, "4.20"), Samples.figures(80, 1, "3.10"),
            2, "UTC", NOW);
    public LeaderboardView leaderboard;
    public SeriesView series = new SeriesView("today", "hour", "provider", List.of());
    public SettingsView settings = new SettingsView("requested", "", 24, 30);
    public ProviderTestResult providerTest = new ProviderTestResult("ok", 200, 412, "claude-haiku-4-5", "Answered");
    public PriceSyncResult priceSync = new PriceSyncResult("https://example.test/prices.json", 3, 5, 120, 2, 0, NOW);
    public ErrorRuleVerdict verdict = new ErrorRuleVerdict(false, null, "failover", "upstream_error", 500);
    public List<String> leaderboardQueries = new ArrayList<>();
    public LogFilter lastLogFilter;
    public AuditFilter lastAuditFilter;
    /** Live event sessions: each call to followEvents plays the next list, then fails (or ends). */
    public final List<List<LiveEvent>> eventSessions = new CopyOnWriteArrayList<>();
    public final List<String> resumedFrom = new CopyOnWriteArrayList<>();

    private void check(String call) throws HubException {
        calls.add(call);
        if (failure != null) {
            throw failure;
        }
    }

    private long nextId() {
        return ids.incrementAndGet();
    }

    private static <T> Page<T> page(List<T> all, String cursor, int limit) {
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        int to = Math.min(all.size(), from + limit);
        return new Page<>(all.subList(from, to), to < all.size() ? Integer.toString(to) : null);
    }

    private static HubException invalid(List<FieldError> errors) {
        return new HubException(HubException.Kind.INVALID, errors.size() + " field(s) are invalid", errors);
    }

    @Override
    public HealthView connect(String baseUrl, String adminToken) throws HubException {
        if (!reachable) {
            throw new HubException(HubException.Kind.UNREACHABLE, "No hub answers at " + baseUrl + ".");
        }
        if (!acceptedToken.equals(adminToken)) {
            throw new HubException(HubException.Kind.UNAUTHORIZED, "The server refused this admin token.");
        }
        if (!health.version().startsWith("0.")) {
            throw new HubException(HubException.Kind.INCOMPATIBLE, "This server runs hub version " + health.version()
                    + "; this client works with hubs 0.x. Use the matching control panel.");
        }
        url = baseUrl;
        calls.add("login");
        return health;
    }

    @Override
    public HealthView health() {
        return health;
    }

    @Override
    public String serverUrl() {
        return url;
    }

    @Override
    public Page<UserView> users(String search, String cursor, int limit) throws HubException {
        check("users " + (search == null ? "" : search));
        List<UserView> all = users.values().stream()
                .filter(u -> search == null || search.isBlank() || u.name().contains(search)).toList();
        return page(all, cursor, limit);
    }

    @Override
    public UserView createUser(UserRequest r) throws HubException {
        check("createUser " + r.name());
        if (!r.validate().isEmpty()) {
            throw invalid(r.validate());
        }
        if (users.values().stream().anyMatch(u -> u.name().equals(r.name()))) {
            throw new HubException(HubException.Kind.CONFLICT, "A user named " + r.name() + " exists already.");
        }
        UserView u = Samples.user(nextId(), r);
        users.put(u.id(), u);
        return u;
    }

    @Override
    public UserView updateUser(long id, UserRequest r) throws HubException {
        check("updateUser " + id);
        UserView u = Samples.user(id, r);
        users.put(id, u);
        return u;
    }

    @Override
    public void deleteUser(long id) throws HubException {
        check("deleteUser " + id);
        users.remove(id);
    }

    @Override
    public UsageView userUsage(long id) throws HubException {
        check("userUsage " + id);
        return usage.getOrDefault("user:" + id, Samples.usage("user", id));
    }

    @Override
    public void resetUserUsage(long id) throws HubException {
        check("resetUserUsage " + id);
    }

    @Override
    public Page<KeyView> keys(Long userId, String cursor, int limit) throws HubException {
        check("keys " + userId);
        List<KeyView> all = keys.values().stream().filter(k -> userId == null || k.userId() == userId).toList();
        return page(all, cursor, limit);
    }

    @Override
    public KeyCreated createKey(KeyRequest r) throws HubException {
        check("createKey " + r.name());
        if (!r.validate().isEmpty()) {
            throw invalid(r.validate());
        }
        KeyView k = Samples.key(nextId(), r);
        keys.put(k.id(), k);
        return new KeyCreated(k, "cch-" + "s3cr3t".repeat(4) + k.id());
    }

    @Override
    public KeyView updateKey(long id, KeyRequest r) throws HubException {
        check("updateKey " + id);
        KeyView k = Samples.key(id, r);
        keys.put(id, k);
        return k;
    }

    @Override
    public void deleteKey(long id) throws HubException {
        check("deleteKey " + id);
        keys.remove(id);
    }

    @Override
    public UsageView keyUsage(long id) throws HubException {
        check("keyUsage " + id);
        return usage.getOrDefault("key:" + id, Samples.usage("key", id));
    }

    @Override
    public void resetKeyUsage(long id) throws HubException {
        check("resetKeyUsage " + id);
    }

    @Override
    public Page<ProviderView> providers(String cursor, int limit) throws HubException {
        check("providers");
        return page(new ArrayList<>(providers.values()), cursor, limit);
    }

    @Override
    public ProviderView createProvider(ProviderRequest r) throws HubException {
        check("createProvider " + r.name());
        if (!r.validate().isEmpty()) {
            throw invalid(r.validate());
        }
        ProviderView p = Samples.provider(nextId(), r);
        providers.put(p.id(), p);
        breakers.put(p.id(), Samples.breaker(p.id(), p.name(), "closed", 0));
        return p;
    }

    @Override
    public ProviderView updateProvider(long id, ProviderRequest r) throws HubException {
        check("updateProvider " + id);
        if (!r.validate().isEmpty()) {
            throw invalid(r.validate());
        }
        ProviderView p = Samples.provider(id, r);
        providers.put(id, p);
        return p;
    }

    @Override
    public void deleteProvider(long id) throws HubException {
        check("deleteProvider " + id);
        providers.remove(id);
        breakers.remove(id);
    }

    @Override
    public ProviderTestResult testProvider(long id, String model) throws HubException {
        check("testProvider " + id + " " + model);
        return providerTest;
    }

    @Override
    public UsageView providerUsage(long id) throws HubException {
        check("providerUsage " + id);
        return usage.getOrDefault("provider:" + id, Samples.usage("provider", id));
    }

    @Override
    public void resetProviderUsage(long id) throws HubException {
        check("resetProviderUsage " + id);
    }

    @Override
    public List<BreakerView> breakers() throws HubException {
        check("breakers");
        return List.copyOf(breakers.values());
    }

    @Override
    public BreakerView resetBreaker(long providerId) throws HubException {
        check("resetBreaker " + providerId);
        BreakerView b = breakers.get(providerId);
        BreakerView closed = Samples.breaker(providerId, b == null ? "?" : b.provider(), "closed", 0);
        breakers.put(providerId, closed);
        return closed;
    }

    @Override
    public List<BreakerView> resetAllBreakers() throws HubException {
        check("resetAllBreakers");
        breakers.replaceAll((id, b) -> Samples.breaker(id, b.provider(), "closed", 0));
        return List.copyOf(breakers.values());
    }

    @Override
    public List<ProviderGroupView> providerGroups() throws HubException {
        check("providerGroups");
        return List.copyOf(groups.values());
    }

    @Override
    public ProviderGroupView createProviderGroup(ProviderGroupRequest r) throws HubException {
        check("createProviderGroup " + r.name());
        ProviderGroupView g = new ProviderGroupView(nextId(), r.name(), r.costMultiplier(), r.description(), NOW, NOW);
        groups.put(g.id(), g);
        return g;
    }

    @Override
    public ProviderGroupView updateProviderGroup(long id, ProviderGroupRequest r) throws HubException {
        check("updateProviderGroup " + id);
        ProviderGroupView g = new ProviderGroupView(id, r.name(), r.costMultiplier(), r.description(), NOW, NOW);
        groups.put(id, g);
        return g;
    }

    @Override
    public void deleteProviderGroup(long id) throws HubException {
        check("deleteProviderGroup " + id);
        groups.remove(id);
    }

    @Override
    public OverviewView overview() throws HubException {
        check("overview");
        return overview;
    }

    @Override
    public SeriesView series(String range, String by) throws HubException {
        check("series " + range + " " + by);
        return series;
    }

    @Override
    public LeaderboardView leaderboard(String by, String period, Instant from, Instant to, int limit) throws HubException {
        check("leaderboard");
        leaderboardQueries.add(by + " " + period + ("custom".equals(period) ? " " + from + " " + to : ""));
        return leaderboard != null ? leaderboard : Samples.leaderboard(by, period);
    }

    @Override
    public Page<RequestLogView> logs(LogFilter filter, String cursor, int limit) throws HubException {
        check("logs");
        lastLogFilter = filter;
        Predicate<RequestLogView> match = r -> (filter.model() == null || filter.model().equals(r.model()))
                && (filter.providerId() == null || filter.providerId().equals(r.providerId()))
                && (filter.status() == null || ("error".equals(filter.status()) ? r.statusCode() >= 400
                : filter.status().equals(Integer.toString(r.statusCode()))));
        return page(logs.stream().filter(match).toList(), cursor, limit);
    }

    @Override
    public RequestLogView log(long id) throws HubException {
        check("log " + id);
        return logs.stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow(() -> new HubException(HubException.Kind.NOT_FOUND, "No request " + id + "."));
    }

    @Override
    public long exportLogs(LogFilter filter, Path target) throws HubException {
        check("exportLogs");
        try {
            String csv = "id,model,status\n" + String.join("", logs.stream()
                    .map(r -> r.id() + "," + r.model() + "," + r.statusCode() + "\n").toList());
            Files.writeString(target, csv);
            return csv.length();
        } catch (java.io.IOException e) {
            throw new HubException(HubException.Kind.SERVER, e.getMessage());
        }
    }

    @Override
    public List<SessionView> sessions() throws HubException {
        check("sessions");
        return List.copyOf(sessions);
    }

    @Override
    public void endSession(long keyId, String sessionId) throws HubException {
        check("endSession " + keyId + " " + sessionId);
        sessions.removeIf(s -> s.keyId() == keyId && s.sessionId().equals(sessionId));
    }

    @Override
    public Page<PriceView> prices(String search, String cursor, int limit) throws HubException {
        check("prices " + (search == null ? "" : search));
        List<PriceView> all = prices.values().stream()
                .filter(p -> search == null || search.isBlank() || p.model().contains(search))
                .sorted(Comparator.comparing(PriceView::model)).toList();
        return page(all, cursor, limit);
    }

    @Override
    public PriceView createPrice(PriceRequest r) throws HubException {
        check("createPrice " + r.model());
        if (!r.validate().isEmpty()) {
            throw invalid(r.validate());
        }
        PriceView p = Samples.price(nextId(), r, "manual");
        prices.put(p.id(), p);
        return p;
    }

    @Override
    public PriceView updatePrice(long id, PriceRequest r) throws HubException {
        check("updatePrice " + id);
        PriceView p = Samples.price(id, r, "manual");
        prices.put(id, p);
        return p;
    }

    @Override
    public void deletePrice(long id) throws HubException {
        check("deletePrice " + id);
        prices.remove(id);
    }

    @Override
    public PriceSyncResult syncPrices() throws HubException {
        check("syncPrices");
        return priceSync;
    }

    @Override
    public List<MissingPriceView> missingPrices() throws HubException {
        check("missingPrices");
        return List.copyOf(missing);
    }

    @Override
    public List<SensitiveWordView> sensitiveWords() throws HubException {
        check("sensitiveWords");
        return List.copyOf(words.values());
    }

    @Override
    public SensitiveWordView createSensitiveWord(SensitiveWordRequest r) throws HubException {
        check("createSensitiveWord " + r.word());
        SensitiveWordView w = new SensitiveWordView(nextId(), r.word(), r.matchType(), r.description(), r.enabled(), NOW, NOW);
        words.put(w.id(), w);
        return w;
    }

    @Override
    public SensitiveWordView updateSensitiveWord(long id, SensitiveWordRequest r) throws HubException {
        check("updateSensitiveWord " + id);
        SensitiveWordView w = new SensitiveWordView(id, r.word(), r.matchType(), r.description(), r.enabled(), NOW, NOW);
        words.put(id, w);
        return w;
    }

    @Override
    public void deleteSensitiveWord(long id) throws HubException {
        check("deleteSensitiveWord " + id);
        words.remove(id);
    }

    @Override
    public List<ErrorRuleView> errorRules() throws HubException {
        check("errorRules");
        return List.copyOf(rules.values());
    }

    @Override
    public ErrorRuleView createErrorRule(ErrorRuleRequest r) throws HubException {
        check("createErrorRule " + r.pattern());
        ErrorRuleView v = Samples.rule(nextId(), r);
        rules.put(v.id(), v);
        return v;
    }

    @Override
    public ErrorRuleView updateErrorRule(long id, ErrorRuleRequest r) throws HubException {
        check("updateErrorRule " + id);
        ErrorRuleView v = Samples.rule(id, r);
        rules.put(id, v);
        return v;
    }

    @Override
    public void deleteErrorRule(long id) throws HubException {
        check("deleteErrorRule " + id);
        rules.remove(id);
    }

    @Override
    public ErrorRuleVerdict testErrorRules(ErrorRuleTest sample) throws HubException {
        check("testErrorRules " + sample.text());
        return rules.values().stream().filter(r -> sample.text().contains(r.pattern())).findFirst()
                .map(r -> new ErrorRuleVerdict(true, r, "return", "client_error", r.overrideStatus() == null ? 400 : r.overrideStatus()))
                .orElse(verdict);
    }

    @Override
    public List<WebhookView> webhooks() throws HubException {
        check("webhooks");
        return List.copyOf(webhooks.values());
    }

    @Override
    public WebhookView createWebhook(WebhookRequest r) throws HubException {
        check("createWebhook " + r.name());
        WebhookView w = Samples.webhook(nextId(), r);
        webhooks.put(w.id(), w);
        return w;
    }

    @Override
    public WebhookView updateWebhook(long id, WebhookRequest r) throws HubException {
        check("updateWebhook " + id);
        WebhookView w = Samples.webhook(id, r);
        webhooks.put(id, w);
        return w;
    }

    @Override
    public void deleteWebhook(long id) throws HubException {
        check("deleteWebhook " + id);
        webhooks.remove(id);
    }

    @Override
    public WebhookTestResult testWebhook(long id) throws HubException {
        check("testWebhook " + id);
        return new WebhookTestResult(true, 200, 87, "Delivered");
    }

    @Override
    public Page<AuditView> audit(AuditFilter filter, String cursor, int limit) throws HubException {
        check("audit");
        lastAuditFilter = filter;
        List<AuditView> all = audit.stream().filter(a -> filter.action() == null || filter.action().isBlank()
                || a.action().startsWith(filter.action())).toList();
        return page(all, cursor, limit);
    }

    @Override
    public SettingsView settings() throws HubException {
        check("settings");
        return settings;
    }

    @Override
    public SettingsView updateSettings(SettingsView s) throws HubException {
        check("updateSettings");
        if (!s.validate().isEmpty()) {
            throw invalid(s.validate());
        }
        settings = s;
        return s;
    }

    @Override
    public void followEvents(String lastEventId, EventSink sink) throws HubException {
        resumedFrom.add(String.valueOf(lastEventId));
        int n = resumedFrom.size() - 1;
        if (n < eventSessions.size()) {
            List<LiveEvent> events = eventSessions.get(n);
            for (int i = 0; i < events.size(); i++) {
                sink.accept("e" + n + "-" + i, events.get(i));
            }
        }
        throw new HubException(HubException.Kind.UNREACHABLE, "The live stream dropped.");
    }
}
