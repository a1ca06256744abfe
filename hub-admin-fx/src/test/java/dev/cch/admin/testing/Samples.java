package dev.cch.admin.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cch.protocol.admin.AuditView;
import dev.cch.protocol.admin.BreakerView;
import dev.cch.protocol.admin.ErrorRuleRequest;
import dev.cch.protocol.admin.ErrorRuleView;
import dev.cch.protocol.admin.KeyRequest;
import dev.cch.protocol.admin.KeyView;
import dev.cch.protocol.admin.LeaderboardView;
import dev.cch.protocol.admin.LiveEvent;
import dev.cch.protocol.admin.PriceRequest;
import dev.cch.protocol.admin.PriceView;
import dev.cch.protocol.admin.ProviderRequest;
import dev.cch.protocol.admin.ProviderView;
import dev.cch.protocol.admin.RequestLogView;
import dev.cch.protocol.admin.SessionView;
import dev.cch.protocol.admin.UsageFigures;
import dev.cch.protocol.admin.UsageView;
import dev.cch.protocol.admin.UserRequest;
import dev.cch.protocol.admin.UserView;
import dev.cch.protocol.admin.WebhookRequest;
import dev.cch.protocol.admin.WebhookView;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.cch.admin.testing.FakeHubClient.NOW;

/** Sample DTOs for tests: views made from requests the way the hub makes them, and ready-made traffic. */
public final class Samples {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Samples() {
    }

    public static UsageFigures figures(long requests, long errors, String cost) {
        return new UsageFigures(requests, errors, requests * 1000, requests * 250, requests * 4000, requests * 100,
                new BigDecimal(cost), 850.0, 310.0);
    }

    public static UserView user(long id, UserRequest r) {
        return new UserView(id, r.name(), r.description(), r.role(), r.providerGroup(), r.tags(), r.limits(),
                r.allowedModels(), r.allowedClients(), r.blockedClients(), r.enabled(), r.expiresAt(), null, NOW, NOW);
    }

    public static KeyView key(long id, KeyRequest r) {
        return new KeyView(id, r.userId(), r.name(), "cch-ab12", r.providerGroup(), r.limits(), r.enabled(),
                r.expiresAt(), null, null, NOW, NOW);
    }

    public static ProviderView provider(long id, ProviderRequest r) {
        return new ProviderView(id, r.name(), r.description(), r.type(), r.baseUrl(), r.secret() == null ? "…0000"
                : "…" + r.secret().substring(Math.max(0, r.secret().length() - 4)), r.enabled(), r.weight(),
                r.priority(), r.groupTags(), r.groupPriorities(), r.costMultiplier(), r.allowedModels(),
                r.modelRedirects(), r.proxyUrl(), r.proxyFallbackToDirect(), r.customHeaders(), r.limits(),
                r.maxRetryAttempts(), r.maxSwitches(), r.breaker(), r.timeouts(), r.activeTimeStart(),
                r.activeTimeEnd(), r.disableSessionReuse(), null, NOW, NOW);
    }

    public static BreakerView breaker(long id, String name, String state, int failures) {
        return new BreakerView(id, name, state, failures, 5, 0, 2,
                "open".equals(state) ? NOW.plus(Duration.ofMinutes(25)) : null, 1_800_000);
    }

    public static PriceView price(long id, PriceRequest r, String source) {
        return new PriceView(id, r.model(), r.vendor(), source, r.inputPerMTok(), r.outputPerMTok(),
                r.cacheWrite5mPerMTok(), r.cacheWrite1hPerMTok(), r.cacheReadPerMTok(), r.longContextThreshold(),
                r.inputLongPerMTok(), r.outputLongPerMTok(), r.aliases(), NOW);
    }

    public static PriceView price(long id, String model, String in, String out, String source) {
        return price(id, new PriceRequest(model, "anthropic", new BigDecimal(in), new BigDecimal(out), null, null,
                null, null, null, null, null), source);
    }

    public static ErrorRuleView rule(long id, ErrorRuleRequest r) {
        return new ErrorRuleView(id, r.pattern(), r.matchType(), r.category(), r.description(), r.overrideStatus(),
                r.overrideBody(), r.enabled(), false, r.priority(), NOW, NOW);
    }

    public static WebhookView webhook(long id, WebhookRequest r) {
        return new WebhookView(id, r.name(), r.kind(), r.url(), r.secret() != null, r.chatId(), r.events(),
                r.spendThreshold(), r.dailyAt(), r.enabled(), null, null, NOW, NOW);
    }

    public static UsageView usage(String subject, long id) {
        return new UsageView(subject, id, List.of(
                new UsageView.Window("usd_5h", "rolling", new BigDecimal("1.25"), new BigDecimal("5"), NOW.plus(Duration.ofHours(3))),
                new UsageView.Window("usd_daily", "fixed", new BigDecimal("4.20"), new BigDecimal("20"), NOW.plus(Duration.ofHours(13))),
                new UsageView.Window("usd_weekly", "fixed", new BigDecimal("12.00"), null, NOW.plus(Duration.ofDays(4))),
                new UsageView.Window("usd_total", "fixed", new BigDecimal("88.10"), new BigDecimal("100"), null)),
                new UsageView.Counter(12, 60), new UsageView.Counter(1, 3), NOW.minus(Duration.ofDays(30)));
    }

    public static LeaderboardView leaderboard(String by, String period) {
        return new LeaderboardView(by, period, NOW.minus(Duration.ofDays(1)), NOW, List.of(
                new LeaderboardView.Row("1", "alice", figures(300, 2, "12.50"), 0.72),
                new LeaderboardView.Row("2", "bob", figures(90, 0, "3.75"), 0.40),
                new LeaderboardView.Row("3", "carol", figures(500, 9, "1.10"), 0.10)));
    }

    public static LiveEvent.Metrics metrics(Instant at, double rps, long sessions, Map<String, Long> perProvider) {
        return new LiveEvent.Metrics(at, rps, rps * 0.8, 0.025, 640.0, 1830.0, 3, sessions,
                figures(1234, 12, "56.78"), perProvider, 0);
    }

    public static LiveEvent.Request request(Instant at, String user, String provider, int status) {
        return new LiveEvent.Request(at, "req_" + at.toEpochMilli(), 1L, user, 11L, 21L, provider, "claude-sonnet-4-5",
                "messages", status, status >= 400 ? "upstream_error" : null, 1200, 300, 5000, 0,
                new BigDecimal("0.0123"), 950, 320, "sess-1");
    }

    public static RequestLogView log(long id, String model, int status, String provider) {
        return new RequestLogView(id, "req_" + id, NOW.minusSeconds(id), NOW.minusSeconds(id).plusMillis(950), 1L,
                "alice", 11L, "alice-laptop", 21L, provider, "anthropic", "claude", "messages", model, model, model,
                model, true, status, status >= 400 ? "upstream_error" : null, status >= 400 ? "overloaded" : null, null,
                new RequestLogView.Tokens(1200, 300, 5000, 100, 0, 0), new BigDecimal("0.0123"), false, null, 180, 320,
                950, "sess-1", 1, null, "127.0.0.1", "claude-cli/2.0");
    }

    /** A request as the detail endpoint returns it: a failover from "primary" to "backup" and a cost breakdown. */
    public static RequestLogView detailedLog(long id) {
        RequestLogView r = log(id, "claude-sonnet-4-5", 200, "backup");
        JsonNode chain = json("""
                [{"type":"filter","atMs":0,"stage":"group","kept":[{"id":21,"name":"primary"},{"id":22,"name":"backup"}],
                  "dropped":[{"id":23,"name":"gemini","reason":"model not allowed"}]},
                 {"type":"tier","atMs":1,"priority":0,"candidates":[{"id":21,"name":"primary","weight":3,"probability":0.75},
                  {"id":22,"name":"backup","weight":1,"probability":0.25}]},
                 {"type":"session","atMs":1,"sessionId":"sess-1","source":"metadata","decision":"new"},
                 {"type":"selected","atMs":1,"providerId":21,"provider":"primary","method":"weighted"},
                 {"type":"attempt","atMs":2,"attempt":1,"providerId":21,"provider":"primary","upstreamModel":"claude-sonnet-4-5",
                  "latencyMs":412,"status":529,"result":"UPSTREAM_OVERLOADED","breaker":"closed","detail":"overloaded_error"},
                 {"type":"attempt","atMs":415,"attempt":2,"providerId":22,"provider":"backup","upstreamModel":"claude-sonnet-4-5",
                  "latencyMs":530,"status":200,"result":"success"},
                 {"type":"outcome","atMs":948,"status":200,"result":"success"}]""");
        JsonNode cost = json("""
                {"input":"0.0036","output":"0.0045","cacheRead":"0.0015","cacheWrite":"0.000375","providerMultiplier":1,
                 "groupMultiplier":1,"total":"0.009975"}""");
        return new RequestLogView(r.id(), r.requestId(), r.createdAt(), r.finishedAt(), r.userId(), r.userName(),
                r.keyId(), r.keyName(), r.providerId(), r.providerName(), r.clientProtocol(), r.providerType(),
                r.endpoint(), r.model(), r.upstreamModel(), r.actualModel(), r.billingModel(), r.stream(),
                r.statusCode(), r.errorKind(), r.errorMessage(), r.blockedBy(), r.tokens(), new BigDecimal("0.009975"),
                false, cost, r.ttfbMs(), r.ttftMs(), r.durationMs(), r.sessionId(), 2, chain, r.clientIp(), r.userAgent());
    }

    public static SessionView session(String id, String user, String provider) {
        return new SessionView(id, 11L, "alice-laptop", 1L, user, 21L, provider, 14, 120_000,
                new BigDecimal("0.84"), NOW.minus(Duration.ofMinutes(20)), NOW.minusSeconds(40));
    }

    public static AuditView audit(long id, String action, String target) {
        return new AuditView(id, NOW.minusSeconds(id * 60), "admin-token", "127.0.0.1", action, "provider",
                "21", target, json("{\"weight\":1}"), json("{\"weight\":3}"), true, null);
    }

    public static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
