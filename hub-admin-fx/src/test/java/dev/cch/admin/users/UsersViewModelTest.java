package dev.cch.admin.users;

import dev.cch.admin.testing.FakeHubClient;
import dev.cch.admin.testing.ImmediateTaskRunner;
import dev.cch.protocol.admin.KeyRequest;
import dev.cch.protocol.admin.KeyView;
import dev.cch.protocol.admin.UserRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static dev.cch.admin.testing.FakeHubClient.NOW;
import static org.assertj.core.api.Assertions.assertThat;

class UsersViewModelTest {
    final FakeHubClient hub = new FakeHubClient();
    final UsersViewModel vm = new UsersViewModel(hub, new ImmediateTaskRunner(), Clock.fixed(NOW, ZoneOffset.UTC));
    long alice;

    @BeforeEach
    void aliceWithAKey() throws Exception {
        alice = hub.createUser(UserRequest.named("alice")).id();
        hub.createUser(UserRequest.named("bob"));
        hub.createKey(KeyRequest.forUser(alice, "alice-laptop"));
        vm.load();
    }

    @Test
    void selectingAUserShowsTheirProfileKeysAndGauges() {
        vm.selectedUserProperty().set(vm.users().getFirst());
        assertThat(vm.userEditor().name.get()).isEqualTo("alice");
        assertThat(vm.keys()).extracting(KeyView::name).containsExactly("alice-laptop");
        assertThat(vm.userGauges()).extracting(g -> g.name()).containsExactly("5 hours", "Today", "This week", "Total",
                "Requests / minute", "Concurrent sessions");
        assertThat(vm.userGauges().get(1).figures()).isEqualTo("$4.20 of $20.00");
        assertThat(vm.userGauges().get(1).resets()).isEqualTo("resets in 13h 0m");
        assertThat(vm.userGauges().get(0).resets()).isEqualTo("frees up in 3h 0m");
        assertThat(vm.userGauges().get(2).fraction()).as("no weekly limit").isEqualTo(-1);
        assertThat(vm.userGauges().get(3).level()).isEqualTo("warning");
    }

    @Test
    void searchAsksTheHub() {
        vm.searchProperty().set("bo");
        vm.load();
        assertThat(vm.users()).extracting(u -> u.name()).containsExactly("bob");
    }

    @Test
    void creatingAKeyShowsItsSecretOnceUntilDismissed() {
        vm.selectedUserProperty().set(vm.users().getFirst());
        vm.newKey();
        KeyEditorViewModel k = vm.keyEditor();
        k.name.set("alice-desktop");
        k.limits.usdDaily.set("5");
        k.expires.set(LocalDate.of(2026, 12, 31));
        k.save();
        assertThat(k.secretProperty().get()).startsWith("cch-");
        assertThat(vm.keys()).hasSize(2);
        KeyView created = vm.keys().get(1);
        assertThat(created.limits().usdDaily()).isEqualByComparingTo(new BigDecimal("5"));
        assertThat(created.expiresAt()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(vm.selectedKeyProperty().get()).isEqualTo(created);
        k.dismissSecret();
        assertThat(k.secretProperty().get()).isEmpty();
    }

    @Test
    void userFormValidatesAsYouTypeAndSaves() {
        vm.newUser();
        UserEditorViewModel u = vm.userEditor();
        assertThat(u.errors().get("name")).isEqualTo("is required");
        u.name.set("carol");
        u.limits.dailyResetTime.set("25:00");
        assertThat(u.errors().get("limits.dailyResetTime")).isEqualTo("must be a time of day as HH:mm");
        u.limits.dailyResetTime.set("06:00");
        u.limits.rpm.set("60");
        u.tags.set("team-a, contractor");
        u.enabled.set(false);
        u.save();
        assertThat(vm.users()).extracting(x -> x.name()).contains("carol");
        var saved = hub.users.values().stream().filter(x -> x.name().equals("carol")).findFirst().orElseThrow();
        assertThat(saved.limits().rpm()).isEqualTo(60);
        assertThat(saved.limits().dailyResetTime()).isEqualTo("06:00");
        assertThat(saved.tags()).containsExactly("team-a", "contractor");
        assertThat(saved.enabled()).isFalse();
        assertThat(vm.selectedUserProperty().get().name()).isEqualTo("carol");
    }

    @Test
    void aTakenNameIsReported() {
        vm.newUser();
        vm.userEditor().name.set("bob");
        vm.userEditor().save();
        assertThat(vm.userEditor().activity().messageProperty().get()).isEqualTo("A user named bob exists already.");
    }

    @Test
    void resettingUsageAndDeletingWork() {
        vm.selectedUserProperty().set(vm.users().getFirst());
        vm.resetUserUsage();
        assertThat(hub.calls).contains("resetUserUsage " + alice);
        vm.selectedKeyProperty().set(vm.keys().getFirst());
        vm.resetKeyUsage();
        assertThat(hub.calls).contains("resetKeyUsage " + vm.keys().getFirst().id());
        vm.deleteKey();
        assertThat(vm.keys()).isEmpty();
        vm.deleteUser();
        assertThat(vm.users()).extracting(x -> x.name()).containsExactly("bob");
        assertThat(vm.selectedUserProperty().get()).isNull();
    }

    @Test
    void aKeyCannotBeSavedWithoutAUser() {
        assertThat(vm.keyEditor().cannotSave().get()).isTrue();
    }

    @Test
    void longListsArePaged() throws Exception {
        for (int i = 0; i < 150; i++) {
            hub.createUser(UserRequest.named("user" + i));
        }
        vm.load();
        assertThat(vm.users()).hasSize(100);
        assertThat(vm.moreProperty().get()).isTrue();
        vm.loadMore();
        assertThat(vm.users()).hasSize(152);
        assertThat(vm.moreProperty().get()).isFalse();
    }
}
