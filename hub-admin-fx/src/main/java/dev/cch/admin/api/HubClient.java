package dev.cch.admin.api;

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

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** What the desktop client asks of a hub: the admin API of openapi.yaml. Implemented over HTTP; tests use a fake. */
public interface HubClient {
    /** Checks that the server is a compatible hub and the token is accepted, records the login; returns health. */
    HealthView connect(String baseUrl, String adminToken) throws HubException;

    HealthView health() throws HubException;

    /** The URL of the hub this client is connected to. */
    String serverUrl();

    Page<UserView> users(String search, String cursor, int limit) throws HubException;

    UserView createUser(UserRequest user) throws HubException;

    UserView updateUser(long id, UserRequest user) throws HubException;

    void deleteUser(long id) throws HubException;

    UsageView userUsage(long id) throws HubException;

    void resetUserUsage(long id) throws HubException;

    Page<KeyView> keys(Long userId, String cursor, int limit) throws HubException;

    KeyCreated createKey(KeyRequest key) throws HubException;

    KeyView updateKey(long id, KeyRequest key) throws HubException;

    void deleteKey(long id) throws HubException;

    UsageView keyUsage(long id) throws HubException;

    void resetKeyUsage(long id) throws HubException;

    Page<ProviderView> providers(String cursor, int limit) throws HubException;

    ProviderView createProvider(ProviderRequest provider) throws HubException;

    ProviderView updateProvider(long id, ProviderRequest provider) throws HubException;

    void deleteProvider(long id) throws HubException;

    /** Sends a tiny request through the provider; {@code model} may be null for the provider's default. */
    ProviderTestResult testProvider(long id, String model) throws HubException;

    UsageView providerUsage(long id) throws HubException;

    void resetProviderUsage(long id) throws HubException;

    List<BreakerView> breakers() throws HubException;

    BreakerView resetBreaker(long providerId) throws HubException;

    List<BreakerView> resetAllBreakers() throws HubException;

    List<ProviderGroupView> providerGroups() throws HubException;

    ProviderGroupView createProviderGroup(ProviderGroupRequest group) throws HubException;

    ProviderGroupView updateProviderGroup(long id, ProviderGroupRequest group) throws HubException;

    void deleteProviderGroup(long id) throws HubException;

    OverviewView overview() throws HubException;

    /** {@code range}: today, 7d or 30d; {@code by}: provider, user, key or model. */
    SeriesView series(String range, String by) throws HubException;

    /** {@code period}: today, week, month or custom (then {@code from} and {@code to} are used). */
    LeaderboardView leaderboard(String by, String period, Instant from, Instant to, int limit) throws HubException;

    Page<RequestLogView> logs(LogFilter filter, String cursor, int limit) throws HubException;

    /** One request with its decision chain and cost breakdown. */
    RequestLogView log(long id) throws HubException;

    /** Streams the filtered log as CSV into {@code target}; returns the number of bytes written. */
    long exportLogs(LogFilter filter, Path target) throws HubException;

    List<SessionView> sessions() throws HubException;

    void endSession(long keyId, String sessionId) throws HubException;

    Page<PriceView> prices(String search, String cursor, int limit) throws HubException;

    PriceView createPrice(PriceRequest price) throws HubException;

    PriceView updatePrice(long id, PriceRequest price) throws HubException;

    void deletePrice(long id) throws HubException;

    PriceSyncResult syncPrices() throws HubException;

    List<MissingPriceView> missingPrices() throws HubException;

    List<SensitiveWordView> sensitiveWords() throws HubException;

    SensitiveWordView createSensitiveWord(SensitiveWordRequest word) throws HubException;

    SensitiveWordView updateSensitiveWord(long id, SensitiveWordRequest word) throws HubException;

    void deleteSensitiveWord(long id) throws HubException;

    List<ErrorRuleView> errorRules() throws HubException;

    ErrorRuleView createErrorRule(ErrorRuleRequest rule) throws HubException;

    ErrorRuleView updateErrorRule(long id, ErrorRuleRequest rule) throws HubException;

    void deleteErrorRule(long id) throws HubException;

    ErrorRuleVerdict testErrorRules(ErrorRuleTest sample) throws HubException;

    List<WebhookView> webhooks() throws HubException;

    WebhookView createWebhook(WebhookRequest hook) throws HubException;

    WebhookView updateWebhook(long id, WebhookRequest hook) throws HubException;

    void deleteWebhook(long id) throws HubException;

    WebhookTestResult testWebhook(long id) throws HubException;

    Page<AuditView> audit(AuditFilter filter, String cursor, int limit) throws HubException;

    SettingsView settings() throws HubException;

    SettingsView updateSettings(SettingsView settings) throws HubException;

    /**
     * Follows the live event stream from {@code lastEventId} (null: from now) until it ends or fails. Blocks; each
     * event goes to {@code sink} with its SSE id. Returns normally when the server closed the stream.
     */
    void followEvents(String lastEventId, EventSink sink) throws HubException;

    /** Receives live events as they arrive, on the reading thread. */
    @FunctionalInterface
    interface EventSink {
        void accept(String id, LiveEvent event);
    }

}
