package dev.cch.admin.connect;

import dev.cch.admin.testing.FakeHubClient;
import dev.cch.admin.testing.ImmediateTaskRunner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectViewModelTest {
    final FakeHubClient hub = new FakeHubClient();
    final ConnectViewModel vm = new ConnectViewModel(hub, new ImmediateTaskRunner());

    @Test
    void connectingWithTheRightTokenShowsTheHubsHealth() {
        vm.tokenProperty().set("secret-token");
        vm.connect();
        assertThat(vm.connectedProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).isEqualTo("Connected to http://localhost:23000");
        assertThat(vm.healthProperty().get()).isEqualTo("Hub 0.1.0 is up · database up · stateStore local:up");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void wrongTokenSaysSo() {
        vm.tokenProperty().set("guess");
        vm.connect();
        assertThat(vm.connectedProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("The server refused this admin token.");
    }

    @Test
    void unreachableServerSaysSo() {
        hub.reachable = false;
        vm.tokenProperty().set("secret-token");
        vm.serverUrlProperty().set("http://nowhere:1");
        vm.connect();
        assertThat(vm.statusProperty().get()).isEqualTo("No hub answers at http://nowhere:1.");
    }

    @Test
    void formCannotBeSubmittedWithoutUrlAndToken() {
        assertThat(vm.cannotConnect().get()).isTrue();
        vm.tokenProperty().set("x");
        assertThat(vm.cannotConnect().get()).isFalse();
        vm.serverUrlProperty().set(" ");
        assertThat(vm.cannotConnect().get()).isTrue();
    }
}
