package dev.cch.admin.providers;

import dev.cch.admin.common.EditableRow;
import dev.cch.admin.testing.FakeHubClient;
import dev.cch.admin.testing.ImmediateTaskRunner;
import dev.cch.protocol.admin.ModelRedirect;
import dev.cch.protocol.admin.ModelRule;
import dev.cch.protocol.admin.ProviderTestResult;
import dev.cch.protocol.admin.ProviderView;
import dev.cch.protocol.match.MatchType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderEditorViewModelTest {
    final FakeHubClient hub = new FakeHubClient();
    final List<ProviderView> saved = new ArrayList<>();
    final ProviderEditorViewModel vm = new ProviderEditorViewModel(hub, new ImmediateTaskRunner(), saved::add);

    private void fillValid() {
        vm.createNew();
        vm.name.set("anthropic");
        vm.baseUrl.set("https://api.anthropic.com");
        vm.secret.set("sk-ant-0000");
    }

    @Test
    void aNewProviderNeedsNameUrlAndSecretAndSaysSoAsYouType() {
        vm.createNew();
        assertThat(vm.errors().get("name")).isEqualTo("is required");
        assertThat(vm.errors().get("baseUrl")).isEqualTo("is required");
        assertThat(vm.errors().get("secret")).isEqualTo("is required for a new provider");
        assertThat(vm.cannotSave().get()).isTrue();
        fillValid();
        assertThat(vm.errors().asMap()).isEmpty();
        assertThat(vm.cannotSave().get()).isFalse();
    }

    @Test
    void theHubsOwnRulesRunOnEveryKeystroke() {
        fillValid();
        vm.baseUrl.set("ftp://x");
        assertThat(vm.errors().get("baseUrl")).isEqualTo("must start with http://, https://");
        vm.weight.set("500");
        assertThat(vm.errors().get("weight")).isEqualTo("must be between 0 and 100");
        vm.weight.set("lots");
        assertThat(vm.errors().get("weight")).isEqualTo("must be a whole number");
        vm.activeFrom.set("09:00");
        assertThat(vm.errors().get("activeTimeEnd")).isEqualTo("set both ends of the active window or neither");
        vm.limits.usdDaily.set("-1");
        assertThat(vm.errors().get("limits.usdDaily")).isEqualTo("must not be negative");
        vm.headers.add(new EditableRow("Authorization", "x"));
        assertThat(vm.errors().get("customHeaders.Authorization")).isEqualTo("is set by the hub and cannot be overridden");
        vm.failureThreshold.set("5000");
        assertThat(vm.errors().get("breaker.failureThreshold")).isEqualTo("must be between 0 and 1000");
    }

    @Test
    void everyFieldRoundTripsThroughTheRequest() {
        fillValid();
        vm.type.set("openai-compatible");
        vm.weight.set("3");
        vm.priority.set("-2");
        vm.groups.set("default, premium");
        vm.groupPriorities.add(new EditableRow("premium", "5"));
        vm.costMultiplier.set("1.5");
        vm.allowedModels.add(new EditableRow("prefix", "gpt-"));
        vm.redirects.add(new EditableRow("exact", "gpt-4", "gpt-4.1"));
        vm.proxyUrl.set("socks5://127.0.0.1:1080");
        vm.proxyFallbackToDirect.set(true);
        vm.headers.add(new EditableRow("X-Team", "core"));
        vm.limits.usd5h.set("10");
        vm.limits.concurrentSessions.set("4");
        vm.maxRetryAttempts.set("2");
        vm.maxSwitches.set("1");
        vm.failureThreshold.set("3");
        vm.openDurationSeconds.set("60");
        vm.halfOpenSuccesses.set("1");
        vm.connectMs.set("5000");
        vm.firstByteMs.set("20000");
        vm.streamingIdleMs.set("30000");
        vm.requestMs.set("600000");
        vm.activeFrom.set("08:00");
        vm.activeTo.set("20:00");
        vm.disableSessionReuse.set(true);
        vm.save();

        assertThat(vm.activity().messageProperty().get()).isEqualTo("Created anthropic.");
        ProviderView p = saved.getFirst();
        assertThat(p.type()).isEqualTo("openai-compatible");
        assertThat(p.weight()).isEqualTo(3);
        assertThat(p.priority()).isEqualTo(-2);
        assertThat(p.groupTags()).containsExactly("default", "premium");
        assertThat(p.groupPriorities()).isEqualTo(Map.of("premium", 5));
        assertThat(p.costMultiplier()).isEqualByComparingTo("1.5");
        assertThat(p.allowedModels()).containsExactly(new ModelRule(MatchType.PREFIX, "gpt-"));
        assertThat(p.modelRedirects()).containsExactly(new ModelRedirect(MatchType.EXACT, "gpt-4", "gpt-4.1"));
        assertThat(p.proxyUrl()).isEqualTo("socks5://127.0.0.1:1080");
        assertThat(p.proxyFallbackToDirect()).isTrue();
        assertThat(p.customHeaders()).isEqualTo(Map.of("X-Team", "core"));
        assertThat(p.limits().usd5h()).isEqualByComparingTo(new BigDecimal("10"));
        assertThat(p.limits().concurrentSessions()).isEqualTo(4);
        assertThat(p.maxRetryAttempts()).isEqualTo(2);
        assertThat(p.maxSwitches()).isEqualTo(1);
        assertThat(p.breaker().openDurationMs()).isEqualTo(60_000L);
        assertThat(p.timeouts().requestMs()).isEqualTo(600_000);
        assertThat(p.activeTimeStart()).isEqualTo("08:00");
        assertThat(p.disableSessionReuse()).isTrue();

        vm.edit(p);
        assertThat(vm.openDurationSeconds.get()).isEqualTo("60");
        assertThat(vm.redirects).hasSize(1);
        assertThat(vm.redirects.getFirst().text(2)).isEqualTo("gpt-4.1");
        assertThat(vm.secret.get()).isEmpty();
        assertThat(vm.errors().asMap()).as("an edit may keep the stored secret").isEmpty();
    }

    @Test
    void testConnectionShowsVerdictAndLatency() throws Exception {
        fillValid();
        vm.save();
        vm.testModel.set("claude-haiku-4-5");
        vm.testConnection();
        assertThat(vm.testVerdictProperty().get()).isEqualTo("ok");
        assertThat(vm.testResultProperty().get()).isEqualTo("Works · 412 ms · HTTP 200 · claude-haiku-4-5 — Answered");
        assertThat(hub.calls).anyMatch(c -> c.endsWith(" claude-haiku-4-5") && c.startsWith("testProvider"));

        hub.providerTest = new ProviderTestResult("auth", 401, 95, null, "invalid x-api-key");
        vm.testConnection();
        assertThat(vm.testResultProperty().get()).isEqualTo("Credentials refused · 95 ms · HTTP 401 — invalid x-api-key");
    }

    @Test
    void anUnsavedProviderCannotBeTested() {
        fillValid();
        vm.testConnection();
        assertThat(vm.testResultProperty().get()).isEqualTo("Save the provider first, then test it.");
        assertThat(hub.calls).noneMatch(c -> c.startsWith("testProvider"));
    }

    @Test
    void serverSideFieldErrorsAreShownNextToTheFields() {
        fillValid();
        hub.failure = new dev.cch.admin.api.HubException(dev.cch.admin.api.HubException.Kind.INVALID, "1 field(s) are invalid",
                List.of(new dev.cch.protocol.admin.FieldError("name", "is taken")));
        vm.save();
        assertThat(vm.errors().get("name")).isEqualTo("is taken");
        assertThat(vm.activity().failedProperty().get()).isTrue();
    }
}
