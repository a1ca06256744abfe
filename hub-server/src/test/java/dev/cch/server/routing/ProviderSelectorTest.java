package dev.cch.server.routing;

import dev.cch.protocol.ClientProtocol;
import dev.cch.protocol.ProviderType;
import dev.cch.protocol.admin.KeyView;
import dev.cch.protocol.admin.Limits;
import dev.cch.protocol.admin.ModelRule;
import dev.cch.protocol.admin.Role;
import dev.cch.protocol.admin.UserView;
import dev.cch.protocol.match.MatchType;
import dev.cch.server.pipeline.DecisionChain;
import dev.cch.server.pipeline.Principal;
import dev.cch.server.providers.ActiveWindow;
import dev.cch.server.providers.Provider;
import dev.cch.server.testing.MutableClock;
import dev.cch.server.testing.Providers;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProviderSelectorTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
    final List<Provider> providers = new ArrayList<>();
    final ProviderSelector selector = new ProviderSelector(() -> providers, ProtocolSupport.NATIVE_ONLY, clock,
            () -> ZoneId.of("UTC"), new Random(42));

    static Principal caller(String keyGroup, String userGroup) {
        UserView u = new UserView(1, "u", "", Role.USER, userGroup, List.of(), Limits.NONE, List.of(), List.of(), List.of(),
                true, null, null, null, null);
        KeyView k = new KeyView(1, 1, "k", "cch-", keyGroup, Limits.NONE, true, null, null, null, null, null);
        return new Principal(k, u);
    }

    List<Provider> plan(Principal p, String model) {
        return selector.plan(new ProviderSelector.Ask(p, ClientProtocol.ANTHROPIC, model), ProviderHealth.ALWAYS,
                new DecisionChain(System.nanoTime()));
    }

    @Test
    void tenThousandSelectionsFollowTheWeightsWithinThreePoints() {
        providers.add(Providers.claude(1, 10, 0));
        providers.add(Providers.claude(2, 30, 0));
        providers.add(Providers.claude(3, 60, 0));
        Map<Long, Integer> counts = new HashMap<>();
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            counts.merge(plan(caller(null, "default"), "m").getFirst().id(), 1, Integer::sum);
        }
        assertThat(counts.get(1L) * 100.0 / n).isCloseTo(10, within(3.0));
        assertThat(counts.get(2L) * 100.0 / n).isCloseTo(30, within(3.0));
        assertThat(counts.get(3L) * 100.0 / n).isCloseTo(60, within(3.0));
    }

    @Test
    void lowestPriorityTierWinsAndOthersFollowAsFailoverOrder() {
        providers.add(Providers.claude(1, 50, 5));
        providers.add(Providers.claude(2, 1, 0));
        providers.add(Providers.claude(3, 100, 9));
        assertThat(plan(caller(null, "default"), "m")).extracting(Provider::id).containsExactly(2L, 1L, 3L);
    }

    @Test
    void perGroupPriorityOverridesTheProvidersOwn() {
        providers.add(Providers.provider(1, ProviderType.CLAUDE, 1, 0, List.of("vip", "default"), Map.of(), List.of(), null));
        providers.add(Providers.provider(2, ProviderType.CLAUDE, 1, 5, List.of("vip"), Map.of("vip", -1), List.of(), null));
        assertThat(plan(caller("vip", "default"), "m").getFirst().id()).isEqualTo(2L);
        assertThat(plan(caller(null, "default"), "m")).extracting(Provider::id).containsExactly(1L);
    }

    @Test
    void groupComesFromTheKeyThenTheUserAndSupportsListsAndStar() {
        providers.add(Providers.provider(1, ProviderType.CLAUDE, 1, 0, List.of("a"), Map.of(), List.of(), null));
        providers.add(Providers.provider(2, ProviderType.CLAUDE, 1, 0, List.of("b"), Map.of(), List.of(), null));
        providers.add(Providers.provider(3, ProviderType.CLAUDE, 1, 0, List.of("default"), Map.of(), List.of(), null));
        assertThat(plan(caller("a", "b"), "m")).extracting(Provider::id).containsExactly(1L);
        assertThat(plan(caller(null, "b"), "m")).extracting(Provider::id).containsExactly(2L);
        assertThat(plan(caller(null, null), "m")).extracting(Provider::id).containsExactly(3L);
        assertThat(plan(caller("a, b", null), "m")).extracting(Provider::id).containsExactlyInAnyOrder(1L, 2L);
        assertThat(plan(caller("*", null), "m")).hasSize(3);
    }

    @Test
    void activeWindowCanCrossMidnight() {
        providers.add(Providers.provider(1, ProviderType.CLAUDE, 1, 0, List.of("default"), Map.of(), List.of(),
                ActiveWindow.parse("22:00", "06:00")));
        clock.set(Instant.parse("2026-11-26T23:30:00Z"));
        assertThat(plan(caller(null, null), "m")).hasSize(1);
        clock.set(Instant.parse("2026-11-27T05:59:00Z"));
        assertThat(plan(caller(null, null), "m")).hasSize(1);
        clock.set(Instant.parse("2026-11-27T06:00:00Z"));
        assertThat(plan(caller(null, null), "m")).isEmpty();
    }

    @Test
    void modelAllowListSupportsEveryMatchType() {
        providers.add(Providers.provider(1, ProviderType.CLAUDE, 1, 0, List.of("default"), Map.of(),
                List.of(new ModelRule(MatchType.EXACT, "claude-opus-4-5")), null));
        providers.add(Providers.provider(2, ProviderType.CLAUDE, 1, 0, List.of("default"), Map.of(),
                List.of(new ModelRule(MatchType.PREFIX, "claude-haiku")), null));
        providers.add(Providers.provider(3, ProviderType.CLAUDE, 1, 0, List.of("default"), Map.of(),
                List.of(new ModelRule(MatchType.SUFFIX, "-20250929")), null));
        providers.add(Providers.provider(4, ProviderType.CLAUDE, 1, 0, List.of("default"), Map.of(),
                List.of(new ModelRule(MatchType.CONTAINS, "sonnet")), null));
        providers.add(Providers.provider(5, ProviderType.CLAUDE, 1, 0, List.of("default"), Map.of(),
                List.of(new ModelRule(MatchType.REGEX, "^claude-3-[57]-")), null));
        assertThat(plan(caller(null, null), "claude-opus-4-5")).extracting(Provider::id).containsExactly(1L);
        assertThat(plan(caller(null, null), "claude-haiku-4-5")).extracting(Provider::id).containsExactly(2L);
        assertThat(plan(caller(null, null), "claude-sonnet-4-5-20250929")).extracting(Provider::id).containsExactlyInAnyOrder(3L, 4L);
        assertThat(plan(caller(null, null), "claude-3-7-sonnet")).extracting(Provider::id).containsExactlyInAnyOrder(4L, 5L);
    }

    @Test
    void providersThatCannotSpeakTheProtocolOrAreUnhealthyAreDroppedWithReasons() {
        providers.add(Providers.claude(1, 1, 0));
        providers.add(Providers.provider(2, ProviderType.OPENAI_COMPATIBLE, 1, 0, List.of("default"), Map.of(), List.of(), null));
        providers.add(Providers.claude(3, 1, 0));
        DecisionChain chain = new DecisionChain(System.nanoTime());
        List<Provider> plan = selector.plan(new ProviderSelector.Ask(caller(null, null), ClientProtocol.ANTHROPIC, "m"),
                p -> p.id() == 3 ? "breaker open" : null, chain);
        assertThat(plan).extracting(Provider::id).containsExactly(1L);
        String json = chain.toJson().toString();
        assertThat(json).contains("\"stage\":\"protocol\"").contains("openai-compatible cannot serve anthropic")
                .contains("\"reason\":\"breaker open\"");
    }

    @Test
    void zeroWeightsDrawUniformly() {
        providers.add(Providers.claude(1, 0, 0));
        providers.add(Providers.claude(2, 0, 0));
        Map<Long, Integer> counts = new HashMap<>();
        for (int i = 0; i < 2000; i++) {
            counts.merge(plan(caller(null, null), "m").getFirst().id(), 1, Integer::sum);
        }
        assertThat(counts.get(1L)).isBetween(800, 1200);
    }
}
