package dev.cch.admin.tour;

import dev.cch.admin.api.HttpHubClient;
import dev.cch.admin.api.HubException;
import dev.cch.admin.testing.DemoHub;
import dev.cch.protocol.admin.BreakerSettings;
import dev.cch.protocol.admin.ErrorRuleRequest;
import dev.cch.protocol.admin.Limits;
import dev.cch.protocol.admin.ModelRedirect;
import dev.cch.protocol.admin.ModelRule;
import dev.cch.protocol.admin.ProviderGroupRequest;
import dev.cch.protocol.admin.ProviderRequest;
import dev.cch.protocol.admin.ResetMode;
import dev.cch.protocol.admin.Role;
import dev.cch.protocol.admin.SensitiveWordRequest;
import dev.cch.protocol.admin.UserRequest;
import dev.cch.protocol.admin.WebhookRequest;
import dev.cch.protocol.match.MatchType;
import dev.cch.testkit.Behaviour;
import dev.cch.testkit.FakeUpstream;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** A small team's hub: five people, their keys, four providers (one failing), content rules, and their traffic. */
final class DemoData {
    private final DemoHub hub;
    private final List<String> keys = new ArrayList<>();

    private DemoData(DemoHub hub) {
        this.hub = hub;
    }

    static DemoData create(DemoHub hub) throws HubException {
        DemoData d = new DemoData(hub);
        d.seed(hub.admin());
        return d;
    }

    private void seed(HttpHubClient admin) throws HubException {
        hub.upstream("anthropic-main").defaultBehaviour(Behaviour.ok().withHeaderDelay(Duration.ofMillis(320)));
        hub.upstream("anthropic-relay").defaultBehaviour(Behaviour.ok().withHeaderDelay(Duration.ofMillis(540)));
        hub.upstream("openai").defaultBehaviour(Behaviour.ok().withHeaderDelay(Duration.ofMillis(450)));
        hub.upstream("gemini").defaultBehaviour(Behaviour.ok().withHeaderDelay(Duration.ofMillis(210)));
        List<ModelRule> claude = List.of(new ModelRule(MatchType.PREFIX, "claude-"));
        provider(admin, "anthropic-main", "claude", hub.upstream("anthropic-main").baseUrl(), 3, 0, List.of("default", "premium"), claude, List.of());
        provider(admin, "anthropic-relay", "claude-auth", hub.upstream("anthropic-relay").baseUrl(), 1, 0, List.of("default"), claude, List.of());
        provider(admin, "legacy-relay", "claude", "http://127.0.0.1:" + FakeUpstream.closedPort(), 1, 0, List.of("default"), claude, List.of());
        provider(admin, "openai-compat", "openai-compatible", hub.upstream("openai").baseUrl(), 1, 1, List.of("default"),
                List.of(new ModelRule(MatchType.PREFIX, "gpt-")), List.of(new ModelRedirect(MatchType.EXACT, "gpt-4", "gpt-4.1")));
        provider(admin, "gemini-flash", "gemini", hub.upstream("gemini").baseUrl(), 1, 1, List.of("default"),
                List.of(new ModelRule(MatchType.PREFIX, "gemini-")), List.of());

        user(admin, "alice", Role.ADMIN, new Limits(120, new BigDecimal("15"), ResetMode.ROLLING, new BigDecimal("40"),
                ResetMode.FIXED, "00:00", new BigDecimal("150"), new BigDecimal("500"), null, 8), "alice-laptop", "alice-ci");
        user(admin, "bob", Role.USER, new Limits(60, null, null, new BigDecimal("10"), null, null, null, new BigDecimal("200"), null, 2),
                "bob-laptop");
        user(admin, "carol", Role.USER, new Limits(60, new BigDecimal("5"), ResetMode.FIXED, new BigDecimal("20"), null, "06:00",
                null, null, new BigDecimal("1000"), 3), "carol-desktop");
        user(admin, "dave", Role.USER, Limits.NONE, "dave-laptop");
        user(admin, "erin", Role.USER, new Limits(30, null, null, new BigDecimal("3"), null, null, null, null, null, 3), "erin-laptop");

        optional(() -> admin.createSensitiveWord(new SensitiveWordRequest("project-nightingale", MatchType.CONTAINS,
                "Unannounced product name", true)));
        optional(() -> admin.createSensitiveWord(new SensitiveWordRequest("AKIA[0-9A-Z]{16}", MatchType.REGEX,
                "AWS access keys", true)));
        optional(() -> admin.createErrorRule(new ErrorRuleRequest("prompt is too long", MatchType.CONTAINS, "context",
                "Retrying elsewhere cannot help", 400, null, true, 10)));
        optional(() -> admin.createProviderGroup(new ProviderGroupRequest("premium", new BigDecimal("1.5"), "Opus-heavy teams")));
        optional(() -> admin.createWebhook(new WebhookRequest("ops channel", "json", "https://hooks.example.test/cch", null,
                null, List.of("breaker_open", "spend_alert"), new BigDecimal("0.8"), "09:00", true)));
    }

    private void provider(HttpHubClient admin, String name, String type, String url, int weight, int priority,
                          List<String> groups, List<ModelRule> models, List<ModelRedirect> redirects) throws HubException {
        admin.createProvider(new ProviderRequest(name, "Demo provider " + name, type, url, "sk-demo-" + name + "-00000000",
                true, weight, priority, groups, Map.of(), BigDecimal.ONE, models, redirects, null, false, Map.of(),
                Limits.NONE, 2, 2, new BreakerSettings(3, 900_000L, 2), null, null, null, false));
    }

    private void user(HttpHubClient admin, String name, Role role, Limits limits, String... keyNames) throws HubException {
        long id = admin.createUser(new UserRequest(name, "Engineer on the platform team", role, "default",
                List.of("platform"), limits, null, null, null, true, null)).id();
        for (String k : keyNames) {
            keys.add(admin.createKey(new dev.cch.protocol.admin.KeyRequest(id, k, null, null, true,
                    Instant.now().plus(Duration.ofDays(90)))).secret());
        }
    }

    private interface Call {
        Object run() throws HubException;
    }

    private static void optional(Call c) {
        try {
            c.run();
        } catch (HubException e) {
            // this hub does not offer that endpoint yet: its screen shows so
        }
    }

    /** Three callers send mixed requests for {@code length}; a few upstream overloads make the hub fail over. */
    void traffic(Duration length) throws InterruptedException {
        Instant end = Instant.now().plus(length);
        String[] models = {"claude-sonnet-4-5", "claude-sonnet-4-5", "claude-haiku-4-5", "claude-opus-4-1", "gpt-4.1",
                "gemini-2.5-flash"};
        List<Thread> callers = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            callers.add(Thread.ofVirtual().start(() -> {
                ThreadLocalRandom r = ThreadLocalRandom.current();
                while (Instant.now().isBefore(end)) {
                    int k = r.nextInt(keys.size());
                    if (r.nextInt(40) == 0) {
                        hub.upstream("anthropic-main").enqueue(Behaviour.status(529));
                    }
                    hub.send(keys.get(k), models[r.nextInt(models.length)],
                            java.util.UUID.nameUUIDFromBytes(("demo-" + k + "-" + r.nextInt(2)).getBytes()).toString());
                    try {
                        Thread.sleep(r.nextInt(150, 700)); // people type between requests; keeps under the rpm limits
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        for (Thread t : callers) {
            t.join();
        }
    }
}
