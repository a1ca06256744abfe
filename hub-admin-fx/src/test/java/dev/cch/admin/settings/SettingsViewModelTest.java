package dev.cch.admin.settings;

import dev.cch.admin.testing.FakeHubClient;
import dev.cch.admin.testing.ImmediateTaskRunner;
import dev.cch.protocol.admin.ErrorRuleRequest;
import dev.cch.protocol.admin.WebhookView;
import dev.cch.protocol.match.MatchType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsViewModelTest {
    final FakeHubClient hub = new FakeHubClient();
    final SettingsViewModel vm = new SettingsViewModel(hub, new ImmediateTaskRunner());

    @Test
    void generalSettingsLoadValidateAndSave() {
        vm.load();
        GeneralSettingsViewModel g = vm.general();
        assertThat(g.logRetentionDays.get()).isEqualTo("30");
        g.priceSyncHours.set("9999");
        assertThat(g.errors().get("priceSyncHours")).isEqualTo("must be between 0 and 720");
        assertThat(g.cannotSave().get()).isTrue();
        g.priceSyncHours.set("12");
        g.billingModel.set("redirected");
        g.save();
        assertThat(hub.settings.priceSyncHours()).isEqualTo(12);
        assertThat(hub.settings.billingModel()).isEqualTo("redirected");
    }

    @Test
    void sensitiveWordsAreAddedEditedAndDeleted() {
        SensitiveWordsViewModel w = vm.words();
        w.word.set("secret-project");
        w.save();
        assertThat(hub.words.values()).singleElement().satisfies(x -> assertThat(x.word()).isEqualTo("secret-project"));
        w.match.set(MatchType.REGEX);
        w.word.set("(a+)+");
        assertThat(w.errors().has("word")).as("the hub refuses catastrophic patterns").isTrue();
        w.word.set("proj-[0-9]+");
        w.enabled.set(false);
        w.save();
        assertThat(hub.words.values()).singleElement().satisfies(x -> {
            assertThat(x.word()).isEqualTo("proj-[0-9]+");
            assertThat(x.enabled()).isFalse();
        });
        w.delete();
        assertThat(hub.words).isEmpty();
    }

    @Test
    void errorRulesCanBeTriedOnASampleError() throws Exception {
        hub.createErrorRule(new ErrorRuleRequest("prompt is too long", null, "context", null, 400, null, null, null));
        ErrorRulesViewModel r = vm.rules();
        r.load();
        r.sampleText.set("{\"error\":{\"message\":\"prompt is too long: 250000 tokens\"}}");
        r.sampleStatus.set("400");
        r.test();
        assertThat(r.verdictProperty().get()).isEqualTo(
                "Matches rule \"prompt is too long\" (context): this error goes straight back to the client as HTTP 400 (client_error).");
        r.sampleText.set("overloaded");
        r.test();
        assertThat(r.verdictProperty().get()).isEqualTo(
                "No rule matches: this error makes the hub fail over as HTTP 500 (upstream_error).");
        r.overrideStatus.set("302");
        assertThat(r.errors().get("overrideStatus")).isEqualTo("must be between 400 and 599");
    }

    @Test
    void aTelegramTargetNeedsTokenAndChatAndATestReportsDelivery() {
        WebhooksViewModel w = vm.webhooks();
        w.name.set("ops");
        w.kind.set("telegram");
        assertThat(w.errors().get("secret")).isEqualTo("is required");
        assertThat(w.errors().get("chatId")).isEqualTo("is required");
        w.secret.set("123:abc");
        w.chatId.set("-100200");
        w.spendAlert.set(true);
        w.spendThresholdPercent.set("90");
        w.save();
        WebhookView saved = hub.webhooks.values().iterator().next();
        assertThat(saved.events()).containsExactly("breaker_open", "spend_alert");
        assertThat(saved.spendThreshold()).isEqualByComparingTo("0.90");
        w.test();
        assertThat(w.activity().messageProperty().get()).isEqualTo("Test message delivered to ops (HTTP 200) in 87 ms: Delivered");
        w.spendThresholdPercent.set("150");
        assertThat(w.errors().get("spendThreshold")).isEqualTo("must be above 0 and at most 1");
    }

    @Test
    void providerGroupsKeepTheirMultiplier() {
        ProviderGroupsViewModel g = vm.groups();
        g.name.set("premium");
        g.costMultiplier.set("1.5");
        g.save();
        assertThat(hub.groups.values()).singleElement().satisfies(x -> assertThat(x.costMultiplier()).isEqualByComparingTo("1.5"));
        g.name.set("a,b");
        assertThat(g.errors().get("name")).isEqualTo("must not contain ',' or be '*'");
    }
}
