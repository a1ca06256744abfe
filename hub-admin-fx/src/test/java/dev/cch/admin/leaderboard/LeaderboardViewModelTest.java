package dev.cch.admin.leaderboard;

import dev.cch.admin.testing.FakeHubClient;
import dev.cch.admin.testing.ImmediateTaskRunner;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class LeaderboardViewModelTest {
    final FakeHubClient hub = new FakeHubClient();
    final LeaderboardViewModel vm = new LeaderboardViewModel(hub, new ImmediateTaskRunner(), ZoneOffset.UTC);

    @Test
    void loadsTodaysTopUsersFirst() {
        vm.load();
        assertThat(hub.leaderboardQueries).containsExactly("user today");
        assertThat(vm.rows()).extracting(r -> r.name()).containsExactly("alice", "bob", "carol");
    }

    @Test
    void changingSubjectOrPeriodReloads() {
        vm.byProperty().set("model");
        vm.periodProperty().set("week");
        assertThat(hub.leaderboardQueries).containsExactly("model today", "model week");
    }

    @Test
    void aCustomRangeCoversWholeDaysInTheZone() {
        vm.fromProperty().set(LocalDate.of(2026, 2, 1));
        vm.toProperty().set(LocalDate.of(2026, 2, 3));
        vm.periodProperty().set("custom");
        assertThat(hub.leaderboardQueries).containsExactly("user custom 2026-02-01T00:00:00Z 2026-02-04T00:00:00Z");
    }

    @Test
    void aBackwardsRangeIsRefusedWithoutAsking() {
        vm.fromProperty().set(LocalDate.of(2026, 2, 5));
        vm.toProperty().set(LocalDate.of(2026, 2, 3));
        vm.periodProperty().set("custom");
        assertThat(hub.leaderboardQueries).isEmpty();
        assertThat(vm.activity().messageProperty().get()).isEqualTo("Pick a first day that is on or before the last day.");
    }
}
