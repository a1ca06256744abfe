package dev.cch.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.protocol.admin.AuditView;
import dev.cch.protocol.admin.BreakerView;
import dev.cch.protocol.admin.ErrorRuleRequest;
import dev.cch.protocol.admin.ErrorRuleTest;
import dev.cch.protocol.admin.ErrorRuleVerdict;
import dev.cch.protocol.admin.ErrorRuleView;
import dev.cch.protocol.admin.HealthView;
import dev.cch.protocol.admin.KeyCreated;
import dev.cch.protocol.admin.KeyRequest;
import dev.cch.protocol.admin.KeyView;
import dev.cch.protocol.admin.LeaderboardView;
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

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The hub's admin API over HTTP (JDK client, Jackson, the DTOs of hub-protocol). */
public final class HttpHubClient implements HubClient {
    /** Versions of the hub this client understands: the 0.x line. */
    static final String SUPPORTED_MAJOR = "0.";

    private volatile HubHttp http = new HubHttp("http://localhost:23000", null);

    @Override
    public HealthView connect(String url, String adminToken) throws HubException {
        String base = url.trim().replaceAll("/+$", "");
        if (!base.startsWith("http://") && !base.startsWith("https://")) {
            throw new HubException(HubException.Kind.INVALID, "The server URL must start with http:// or https://.");
        }
        HubHttp candidate = new HubHttp(base, adminToken);
        HealthView health = candidate.health(HealthView.class);
        if (health.version() == null || !health.version().startsWith(SUPPORTED_MAJOR)) {
            throw new HubException(HubException.Kind.INCOMPATIBLE, "This server runs hub version " + health.version()
                    + "; this client works with hubs " + SUPPORTED_MAJOR + "x. Use the matching control panel.");
        }
        try {
            candidate.send("POST", "/api/v1/login", null, JsonNode.class);
        } catch (HubException e) {
            if (e.kind() != HubException.Kind.NOT_FOUND) {
                throw e;
            }
            // a hub without the login route yet: any admin call proves the token
            candidate.get("/api/v1/users", Map.of("limit", "1"), candidate.type(Page.class, UserView.class));
        }
        this.http = candidate;
        return health;
    }

    @Override
    public HealthView health() throws HubException {
        return http.health(HealthView.class);
    }

    @Override
    public String serverUrl() {
        return http.base();
    }

    private <T> Page<T> page(String path, Map<String, String> query, String cursor, int limit, Class<T> item)
            throws HubException {
        Map<String, String> q = new LinkedHashMap<>(query);
        if (cursor != null) {
            q.put("cursor", cursor);
        }
        q.put("limit", Integer.toString(limit));
        return http.get(path, q, http.type(Page.class, item));
    }

    private <T> List<T> all(String path, Class<T> item) throws HubException {
        Page<T> p = http.get(path, Map.of(), http.type(Page.class, item));
        return p.items();
    }

    @Override
    public Page<UserView> users(String search, String cursor, int limit) throws HubException {
        return page("/api/v1/users", search == null || search.isBlank() ? Map.of() : Map.of("search", search.trim()),
                cursor, limit, UserView.class);
    }

    @Override
    public UserView createUser(UserRequest user) throws HubException {
        return http.send("POST", "/api/v1/users", user, UserView.class);
    }

    @Override
    public UserView updateUser(long id, UserRequest user) throws HubException {
        return http.send("PUT", "/api/v1/users/" + id, user, UserView.class);
    }

    @Override
    public void deleteUser(long id) throws HubException {
        http.send("DELETE", "/api/v1/users/" + id, null, Void.class);
    }

    @Override
    public UsageView userUsage(long id) throws HubException {
        return http.get("/api/v1/users/" + id + "/usage", UsageView.class);
    }

    @Override
    public void resetUserUsage(long id) throws HubException {
        http.send("POST", "/api/v1/users/" + id + "/usage/reset", null, Void.class);
    }

    @Override
    public Page<KeyView> keys(Long userId, String cursor, int limit) throws HubException {
        return page("/api/v1/keys", userId == null ? Map.of() : Map.of("userId", userId.toString()), cursor, limit,
                KeyView.class);
    }

    @Override
    public KeyCreated createKey(KeyRequest key) throws HubException {
        return http.send("POST", "/api/v1/keys", key, KeyCreated.class);
    }

    @Override
    public KeyView updateKey(long id, KeyRequest key) throws HubException {
        return http.send("PUT", "/api/v1/keys/" + id, key, KeyView.class);
    }

    @Override
    public void deleteKey(long id) throws HubException {
        http.send("DELETE", "/api/v1/keys/" + id, null, Void.class);
    }

    @Override
    public UsageView keyUsage(long id) throws HubException {
        return http.get("/api/v1/keys/" + id + "/usage", UsageView.class);
    }

    @Override
    public void resetKeyUsage(long id) throws HubException {
        http.send("POST", "/api/v1/keys/" + id + "/usage/reset", null, Void.class);
    }

    @Override
    public Page<ProviderView> providers(String cursor, int limit) throws HubException {
        return page("/api/v1/providers", Map.of(), cursor, limit, ProviderView.class);
    }

    @Override
    public ProviderView createProvider(ProviderRequest provider) throws HubException {
        return http.send("POST", "/api/v1/providers", provider, ProviderView.class);
    }

    @Override
    public ProviderView updateProvider(long id, ProviderRequest provider) throws HubException {
        return http.send("PUT", "/api/v1/providers/" + id, provider, ProviderView.class);
    }

    @Override
    public void deleteProvider(long id) throws HubException {
        http.send("DELETE", "/api/v1/providers/" + id, null, Void.class);
    }

    @Override
    public ProviderTestResult testProvider(long id, String model) throws HubException {
        Map<String, String> body = new HashMap<>();
        if (model != null && !model.isBlank()) {
            body.put("model", model.trim());
        }
        return http.send("POST", "/api/v1/providers/" + id + "/test", body, ProviderTestResult.class);
    }

    @Override
    public UsageView providerUsage(long id) throws HubException {
        return http.get("/api/v1/providers/" + id + "/usage", UsageView.class);
    }

    @Override
    public void resetProviderUsage(long id) throws HubException {
        http.send("POST", "/api/v1/providers/" + id + "/usage/reset", null, Void.class);
    }

    @Override
    public List<BreakerView> breakers() throws HubException {
        return all("/api/v1/breakers", BreakerView.class);
    }

    @Override
    public BreakerView resetBreaker(long providerId) throws HubException {
        return http.send("POST", "/api/v1/breakers/" + providerId + "/reset", null, BreakerView.class);
    }

    @Override
    public List<BreakerView> resetAllBreakers() throws HubException {
        Page<BreakerView> p = http.send("POST", "/api/v1/breakers/reset", null, http.type(Page.class, BreakerView.class));
        return p.items();
    }

    @Override
    public List<ProviderGroupView> providerGroups() throws HubException {
        return all("/api/v1/provider-groups", ProviderGroupView.class);
    }

    @Override
    public ProviderGroupView createProviderGroup(ProviderGroupRequest group) throws HubException {
        return http.send("POST", "/api/v1/provider-groups", group, ProviderGroupView.class);
    }

    @Override
    public ProviderGroupView updateProviderGroup(long id, ProviderGroupRequest group) throws HubException {
        return http.send("PUT", "/api/v1/provider-groups/" + id, group, ProviderGroupView.class);
    }

    @Override
    public void deleteProviderGroup(long id) throws HubException {
        http.send("DELETE", "/api/v1/provider-groups/" + id, null, Void.class);
    }

    @Override
    public OverviewView overview() throws HubException {
        return http.get("/api/v1/stats/overview", OverviewView.class);
    }

    @Override
    public SeriesView series(String range, String by) throws HubException {
        return http.get("/api/v1/stats/series", Map.of("range", range, "by", by), http.mapper().constructType(SeriesView.class));
    }

    @Override
    public LeaderboardView leaderboard(String by, String period, Instant from, Instant to, int limit) throws HubException {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("by", by);
        q.put("period", period);
        if ("custom".equals(period)) {
            q.put("from", from.toString());
            q.put("to", to.toString());
        }
        q.put("limit", Integer.toString(limit));
        return http.get("/api/v1/stats/leaderboard", q, http.mapper().constructType(LeaderboardView.class));
    }

    @Override
    public Page<RequestLogView> logs(LogFilter filter, String cursor, int limit) throws HubException {
        return page("/api/v1/logs", filter.query(), cursor, limit, RequestLogView.class);
    }

    @Override
    public RequestLogView log(long id) throws HubException {
        return http.get("/api/v1/logs/" + id, RequestLogView.class);
    }

    @Override
    public long exportLogs(LogFilter filter, Path target) throws HubException {
        var r = http.open("/api/v1/logs/export", filter.query(), Map.of("Accept", "text/csv"), null);
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try (InputStream in = r.body(); OutputStream out = Files.newOutputStream(partial)) {
            long n = in.transferTo(out);
            out.close();
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            return n;
        } catch (IOException e) {
            throw new HubException(HubException.Kind.SERVER, "Could not save the export to " + target + ": " + e.getMessage());
        }
    }

    @Override
    public List<SessionView> sessions() throws HubException {
        return all("/api/v1/sessions", SessionView.class);
    }

    @Override
    public void endSession(long keyId, String sessionId) throws HubException {
        http.send("DELETE", "/api/v1/sessions/" + keyId + "/" + java.net.URLEncoder.encode(sessionId,
                java.nio.charset.StandardCharsets.UTF_8), null, Void.class);
    }

    @Override
    public Page<PriceView> prices(String search, String cursor, int limit) throws HubException {
        return page("/api/v1/prices", search == null || search.isBlank() ? Map.of() : Map.of("search", search.trim()),
                cursor, limit, PriceView.class);
    }

    @Override
    public PriceView createPrice(PriceRequest price) throws HubException {
        return http.send("POST", "/api/v1/prices", price, PriceView.class);
    }

    @Override
    public PriceView updatePrice(long id, PriceRequest price) throws HubException {
        return http.send("PUT", "/api/v1/prices/" + id, price, PriceView.class);
    }

    @Override
    public void deletePrice(long id) throws HubException {
        http.send("DELETE", "/api/v1/prices/" + id, null, Void.class);
    }

    @Override
    public PriceSyncResult syncPrices() throws HubException {
        return http.send("POST", "/api/v1/prices/sync", Map.of(), PriceSyncResult.class);
    }

    @Override
    public List<MissingPriceView> missingPrices() throws HubException {
        return all("/api/v1/prices/missing", MissingPriceView.class);
    }

    @Override
    public List<SensitiveWordView> sensitiveWords() throws HubException {
        return all("/api/v1/sensitive-words", SensitiveWordView.class);
    }

    @Override
    public SensitiveWordView createSensitiveWord(SensitiveWordRequest word) throws HubException {
        return http.send("POST", "/api/v1/sensitive-words", word, SensitiveWordView.class);
    }

    @Override
    public SensitiveWordView updateSensitiveWord(long id, SensitiveWordRequest word) throws HubException {
        return http.send("PUT", "/api/v1/sensitive-words/" + id, word, SensitiveWordView.class);
    }

    @Override
    public void deleteSensitiveWord(long id) throws HubException {
        http.send("DELETE", "/api/v1/sensitive-words/" + id, null, Void.class);
    }

    @Override
    public List<ErrorRuleView> errorRules() throws HubException {
        return all("/api/v1/error-rules", ErrorRuleView.class);
    }

    @Override
    public ErrorRuleView createErrorRule(ErrorRuleRequest rule) throws HubException {
        return http.send("POST", "/api/v1/error-rules", rule, ErrorRuleView.class);
    }

    @Override
    public ErrorRuleView updateErrorRule(long id, ErrorRuleRequest rule) throws HubException {
        return http.send("PUT", "/api/v1/error-rules/" + id, rule, ErrorRuleView.class);
    }

    @Override
    public void deleteErrorRule(long id) throws HubException {
        http.send("DELETE", "/api/v1/error-rules/" + id, null, Void.class);
    }

    @Override
    public ErrorRuleVerdict testErrorRules(ErrorRuleTest sample) throws HubException {
        return http.send("POST", "/api/v1/error-rules/test", sample, ErrorRuleVerdict.class);
    }

    @Override
    public List<WebhookView> webhooks() throws HubException {
        return all("/api/v1/webhooks", WebhookView.class);
    }

    @Override
    public WebhookView createWebhook(WebhookRequest hook) throws HubException {
        return http.send("POST", "/api/v1/webhooks", hook, WebhookView.class);
    }

    @Override
    public WebhookView updateWebhook(long id, WebhookRequest hook) throws HubException {
        return http.send("PUT", "/api/v1/webhooks/" + id, hook, WebhookView.class);
    }

    @Override
    public void deleteWebhook(long id) throws HubException {
        http.send("DELETE", "/api/v1/webhooks/" + id, null, Void.class);
    }

    @Override
    public WebhookTestResult testWebhook(long id) throws HubException {
        return http.send("POST", "/api/v1/webhooks/" + id + "/test", null, WebhookTestResult.class);
    }

    @Override
    public Page<AuditView> audit(AuditFilter filter, String cursor, int limit) throws HubException {
        return page("/api/v1/audit", filter.query(), cursor, limit, AuditView.class);
    }

    @Override
    public SettingsView settings() throws HubException {
        return http.get("/api/v1/settings", SettingsView.class);
    }

    @Override
    public SettingsView updateSettings(SettingsView settings) throws HubException {
        return http.send("PUT", "/api/v1/settings", settings, SettingsView.class);
    }

    @Override
    public void followEvents(String lastEventId, EventSink sink) throws HubException {
        new EventStreamReader(http).follow(lastEventId, sink);
    }
}
