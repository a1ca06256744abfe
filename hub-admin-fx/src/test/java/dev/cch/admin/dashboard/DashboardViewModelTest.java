package dev.cch.admin.dashboard;

import dev.cch.admin.live.LiveFeed;
import dev.cch.admin.testing.FakeHubClient;
import dev.cch.admin.testing.ImmediateTaskRunner;
import dev.cch.admin.testing.Samples;
import dev.cch.protocol.admin.LiveEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static dev.cch.admin.testing.FakeHubClient.NOW;
import static org.assertj.core.api.Assertions.assertThat;

class DashboardViewModelTest {
    final FakeHubClient hub = new FakeHubClient();
    final ImmediateTaskRunner tasks = new ImmediateTaskRunner();
    final LiveFeed feed = new LiveFeed(hub, tasks);
    final DashboardViewModel vm = new DashboardViewModel(hub, tasks, feed);

    @Test
    void overviewFillsTheTilesBeforeTheFirstSnapshot() {
        vm.load();
        assertThat(vm.costTodayProperty().get()).isEqualTo("$4.20");
        assertThat(vm.costYesterdayProperty().get()).isEqualTo("yesterday $3.10");
        assertThat(vm.tokensTodayProperty().get()).isEqualTo("642.0k");
        assertThat(vm.activeSessionsProperty().get()).isEqualTo("2");
    }

    @Test
    void aMetricsSnapshotUpdatesEveryHeadlineNumber() {
        feed.accept("7", Samples.metrics(NOW, 12.34, 5, Map.of("primary", 40L)));
        assertThat(vm.requestsPerSecondProperty().get()).isEqualTo("12.3");
        assertThat(vm.errorRateProperty().get()).isEqualTo("2.5%");
        assertThat(vm.latencyProperty().get()).isEqualTo("640 ms");
        assertThat(vm.latencyDetailProperty().get()).isEqualTo("p95 1830 ms · last minute");
        assertThat(vm.activeSessionsProperty().get()).isEqualTo("5");
        assertThat(vm.costTodayProperty().get()).isEqualTo("$56.78");
        assertThat(vm.requestsTodayProperty().get()).isEqualTo("1234 requests today");
    }

    @Test
    void theChartKeepsFifteenMinutesAndDropsOlderSamples() {
        for (int s = 0; s <= 20 * 60; s += 60) {
            feed.accept(null, Samples.metrics(NOW.plusSeconds(s), s / 60.0, 0, Map.of()));
        }
        Instant last = NOW.plusSeconds(20 * 60);
        assertThat(vm.samples()).hasSize(16);
        assertThat(vm.samples().getFirst().at()).isEqualTo(last.minusSeconds(15 * 60));
        assertThat(vm.samples().getLast().requestsPerSecond()).isEqualTo(20.0);
    }

    @Test
    void perProviderCountsAreUpdatedInPlaceAndVanishedProvidersRemoved() {
        feed.accept(null, Samples.metrics(NOW, 1, 0, Map.of("primary", 10L, "backup", 2L)));
        var map = vm.perProvider();
        feed.accept(null, Samples.metrics(NOW.plusSeconds(1), 1, 0, Map.of("primary", 11L)));
        assertThat(vm.perProvider()).isSameAs(map).containsExactly(Map.entry("primary", 11L));
    }

    @Test
    void finishedRequestsListNewestFirstAndAlertsExplainBreakersAndLimits() {
        feed.accept(null, Samples.request(NOW, "alice", "primary", 200));
        feed.accept(null, Samples.request(NOW.plusSeconds(1), "bob", "backup", 529));
        feed.accept(null, new LiveEvent.Breaker(NOW, 21, "primary", "open", 5, NOW.plusSeconds(1800)));
        feed.accept(null, new LiveEvent.Limit(NOW, "usd_daily", "user alice", 1, "daily spend limit of $20.00 reached"));
        assertThat(vm.recent()).extracting(LiveEvent.Request::userName).containsExactly("bob", "alice");
        assertThat(vm.alerts()).hasSize(2);
        assertThat(vm.alerts().get(0)).endsWith("user alice: daily spend limit of $20.00 reached");
        assertThat(vm.alerts().get(1)).endsWith("Breaker of primary is open after 5 failure(s)");
    }

    @Test
    void theSameAlertRepeatedIsCountedOnOneLine() {
        for (int i = 0; i < 3; i++) {
            feed.accept(null, new LiveEvent.Limit(NOW.plusSeconds(i), "rpm", "user erin", 5, "requests-per-minute limit reached"));
        }
        feed.accept(null, new LiveEvent.Breaker(NOW, 21, "primary", "open", 5, null));
        assertThat(vm.alerts()).hasSize(2);
        assertThat(vm.alerts().get(1)).endsWith("user erin: requests-per-minute limit reached  (×3)");
    }

    @Test
    void aFailedOverviewIsReported() {
        hub.failure = new dev.cch.admin.api.HubException(dev.cch.admin.api.HubException.Kind.UNREACHABLE, "No hub answers at x.");
        vm.load();
        assertThat(vm.activity().messageProperty().get()).isEqualTo("No hub answers at x.");
        assertThat(vm.activity().failedProperty().get()).isTrue();
    }
}
