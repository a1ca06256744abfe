package dev.cch.admin.sessions;

import dev.cch.admin.testing.FakeHubClient;
import dev.cch.admin.testing.ImmediateTaskRunner;
import dev.cch.admin.testing.Samples;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static dev.cch.admin.testing.FakeHubClient.NOW;
import static org.assertj.core.api.Assertions.assertThat;

class SessionsViewModelTest {
    final FakeHubClient hub = new FakeHubClient();
    final List<String> shown = new ArrayList<>();
    final SessionsViewModel vm = new SessionsViewModel(hub, new ImmediateTaskRunner(), Clock.fixed(NOW, ZoneOffset.UTC), shown::add);

    @Test
    void listsActiveSessionsAndEndsTheSelectedOne() {
        hub.sessions.add(Samples.session("sess-a", "alice", "primary"));
        hub.sessions.add(Samples.session("sess-b", "bob", "backup"));
        vm.load();
        assertThat(vm.sessions()).hasSize(2);
        assertThat(vm.activity().messageProperty().get()).isEqualTo("2 active session(s).");
        vm.selectedProperty().set(vm.sessions().getFirst());
        vm.end();
        assertThat(hub.calls).contains("endSession 11 sess-a");
        assertThat(vm.sessions()).extracting(s -> s.sessionId()).containsExactly("sess-b");
    }

    @Test
    void opensTheSelectedSessionsRequests() {
        hub.sessions.add(Samples.session("sess-a", "alice", "primary"));
        vm.load();
        vm.openLogs();
        assertThat(shown).isEmpty();
        vm.selectedProperty().set(vm.sessions().getFirst());
        vm.openLogs();
        assertThat(shown).containsExactly("sess-a");
    }
}
