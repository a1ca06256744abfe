package dev.cch.admin.connect;

import dev.cch.admin.api.HubException;
import dev.cch.admin.testing.FakeHubClient;
import dev.cch.admin.testing.ImmediateTaskRunner;
import dev.cch.admin.testing.InMemoryVault;
import dev.cch.protocol.admin.HealthView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectViewModelTest {
    final Preferences prefs = Preferences.userRoot().node("cch-admin-test/" + UUID.randomUUID());
    final InMemoryVault vault = new InMemoryVault();
    final FakeHubClient hub = new FakeHubClient();
    ConnectViewModel vm = new ConnectViewModel(hub, new ImmediateTaskRunner(), new ConnectionMemory(prefs, vault));

    @AfterEach
    void cleanUp() throws BackingStoreException {
        prefs.removeNode();
    }

    @Test
    void connectingWithTheRightTokenShowsTheHubsHealthAndRecordsTheLogin() {
        vm.tokenProperty().set("secret-token");
        vm.connect();
        assertThat(vm.connectedProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).isEqualTo("Connected to http://localhost:23000");
        assertThat(vm.healthProperty().get()).isEqualTo("Hub 0.1.0 is up · database up · stateStore local:up");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(hub.calls).contains("login");
    }

    @Test
    void wrongTokenSaysSo() {
        vm.tokenProperty().set("guess");
        vm.connect();
        assertThat(vm.connectedProperty().get()).isFalse();
        assertThat(vm.failedProperty().get()).isTrue();
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
    void aHubOfAnotherMajorVersionIsRefusedWithTheReason() {
        hub.health = new HealthView("up", true, "1.4.0", Map.of());
        vm.tokenProperty().set("secret-token");
        vm.connect();
        assertThat(vm.connectedProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).contains("hub version 1.4.0").contains("0.x");
    }

    @Test
    void formCannotBeSubmittedWithoutUrlAndToken() {
        assertThat(vm.cannotConnect().get()).isTrue();
        vm.tokenProperty().set("x");
        assertThat(vm.cannotConnect().get()).isFalse();
        vm.serverUrlProperty().set(" ");
        assertThat(vm.cannotConnect().get()).isTrue();
    }

    @Test
    void urlAndTokenAreRememberedForTheNextRun() {
        vm.serverUrlProperty().set("http://hub.test:23000/");
        vm.tokenProperty().set("secret-token");
        vm.connect();
        assertThat(prefs.get("serverUrl", null)).isEqualTo("http://hub.test:23000");
        assertThat(vault.tokens).containsEntry("http://hub.test:23000", "secret-token");

        ConnectViewModel next = new ConnectViewModel(hub, new ImmediateTaskRunner(), new ConnectionMemory(prefs, vault));
        assertThat(next.serverUrlProperty().get()).isEqualTo("http://hub.test:23000");
        assertThat(next.tokenProperty().get()).isEqualTo("secret-token");
    }

    @Test
    void untickingRememberForgetsAStoredToken() {
        vault.store("http://localhost:23000", "secret-token");
        vm = new ConnectViewModel(hub, new ImmediateTaskRunner(), new ConnectionMemory(prefs, vault));
        vm.rememberTokenProperty().set(false);
        vm.connect();
        assertThat(vm.connectedProperty().get()).isTrue();
        assertThat(vault.tokens).isEmpty();
    }

    @Test
    void aFailedConnectRemembersNothing() {
        vm.tokenProperty().set("wrong");
        vm.connect();
        assertThat(vault.tokens).isEmpty();
        assertThat(prefs.get("serverUrl", null)).isNull();
        assertThat(new HubException(HubException.Kind.UNAUTHORIZED, "x").kind()).isEqualTo(HubException.Kind.UNAUTHORIZED);
    }
}
