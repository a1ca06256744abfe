package dev.cch.admin.providers;

import dev.cch.admin.live.LiveFeed;
import dev.cch.admin.testing.FakeHubClient;
import dev.cch.admin.testing.ImmediateTaskRunner;
import dev.cch.admin.testing.Samples;
import dev.cch.protocol.admin.LiveEvent;
import dev.cch.protocol.admin.ProviderRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;

import static dev.cch.admin.testing.FakeHubClient.NOW;
import static org.assertj.core.api.Assertions.assertThat;

class ProvidersViewModelTest {
    final FakeHubClient hub = new FakeHubClient();
    final ImmediateTaskRunner tasks = new ImmediateTaskRunner();
    final LiveFeed feed = new LiveFeed(hub, tasks);
    final ProvidersViewModel vm = new ProvidersViewModel(hub, tasks, feed, Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void twoProvidersOneBroken() throws Exception {
        hub.createProvider(ProviderRequest.of("primary", "claude", "https://a.test", "sk-1111"));
        hub.createProvider(ProviderRequest.of("backup", "codex", "https://b.test", "sk-2222"));
        long primary = hub.providers.keySet().iterator().next();
        hub.breakers.put(primary, Samples.breaker(primary, "primary", "open", 5));
        vm.load();
    }

    @Test
    void tableJoinsEachProviderWithItsBreaker() {
        assertThat(vm.rows()).extracting(r -> r.provider().name()).containsExactly("primary", "backup");
        ProviderRow primary = vm.rows().getFirst();
        assertThat(primary.state()).isEqualTo("open");
        assertThat(primary.failures()).isEqualTo("5 / 5");
        assertThat(primary.reopens(NOW)).isEqualTo("in 25m 0s");
        assertThat(vm.rows().get(1).state()).isEqualTo("closed");
    }

    @Test
    void resettingABreakerClosesItInTheTable() {
        vm.resetBreaker(vm.rows().getFirst());
        assertThat(vm.rows().getFirst().state()).isEqualTo("closed");
        assertThat(vm.activity().messageProperty().get()).isEqualTo("Breaker of primary closed.");
    }

    @Test
    void aLiveBreakerEventRecoloursTheRowWithoutReloading() {
        long backup = vm.rows().get(1).provider().id();
        hub.calls.clear();
        feed.accept("9", new LiveEvent.Breaker(NOW, backup, "backup", "half_open", 3, null));
        assertThat(vm.rows().get(1).state()).isEqualTo("half_open");
        assertThat(vm.rows().get(1).failures()).isEqualTo("3 / 5");
        assertThat(hub.calls).isEmpty();
    }

    @Test
    void selectingARowLoadsItIntoTheEditorAndABreakerEventKeepsTheTyping() {
        vm.selectedProperty().set(vm.rows().getFirst());
        ProviderEditorViewModel editor = vm.editor();
        assertThat(editor.name.get()).isEqualTo("primary");
        editor.weight.set("7");
        feed.accept("10", new LiveEvent.Breaker(NOW, vm.rows().getFirst().provider().id(), "primary", "closed", 0, null));
        vm.selectedProperty().set(vm.rows().getFirst());
        assertThat(editor.weight.get()).isEqualTo("7");
    }

    @Test
    void savingFromTheEditorUpdatesTheRow() {
        vm.selectedProperty().set(vm.rows().get(1));
        vm.editor().priority.set("3");
        vm.editor().save();
        assertThat(vm.rows().get(1).provider().priority()).isEqualTo(3);
        assertThat(vm.rows().get(1).state()).isEqualTo("closed");
    }

    @Test
    void deletingRemovesTheRow() {
        vm.delete(vm.rows().get(1));
        assertThat(vm.rows()).hasSize(1);
        assertThat(hub.providers).hasSize(1);
    }
}
