package dev.cch.admin.live;

import dev.cch.admin.testing.FakeHubClient;
import dev.cch.admin.testing.ImmediateTaskRunner;
import dev.cch.admin.testing.Samples;
import dev.cch.protocol.admin.LiveEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LiveFeedTest {
    final FakeHubClient hub = new FakeHubClient();
    final List<Duration> pauses = new CopyOnWriteArrayList<>();

    @Test
    void reconnectsAfterADropAndResumesFromTheLastEventSeen() {
        LiveEvent first = Samples.metrics(FakeHubClient.NOW, 1, 0, Map.of());
        LiveEvent second = Samples.metrics(FakeHubClient.NOW.plusSeconds(1), 2, 0, Map.of());
        hub.eventSessions.add(List.of(first, first));
        hub.eventSessions.add(List.of(second));
        List<LiveEvent> seen = new CopyOnWriteArrayList<>();
        LiveFeed feed = new LiveFeed(hub, new ImmediateTaskRunner(), pauses::add);
        feed.subscribe(seen::add);

        feed.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> hub.resumedFrom.size() >= 3);
        feed.stop();

        assertThat(List.copyOf(hub.resumedFrom).subList(0, 3)).containsExactly("null", "e0-1", "e1-0");
        assertThat(seen).startsWith(first, first, second);
    }

    @Test
    void backsOffLongerAfterEachFailedAttemptUpToThirtySeconds() {
        LiveFeed feed = new LiveFeed(hub, new ImmediateTaskRunner(), pauses::add);
        feed.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> pauses.size() >= 7);
        feed.stop();
        assertThat(List.copyOf(pauses).subList(0, 7)).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);
    }

    @Test
    void aHealthyStreamResetsTheBackoff() {
        hub.eventSessions.add(List.of());
        hub.eventSessions.add(List.of());
        hub.eventSessions.add(List.of(Samples.metrics(FakeHubClient.NOW, 1, 0, Map.of())));
        LiveFeed feed = new LiveFeed(hub, new ImmediateTaskRunner(), pauses::add);
        feed.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> pauses.size() >= 4);
        feed.stop();
        assertThat(List.copyOf(pauses).subList(0, 4)).extracting(Duration::toSeconds).containsExactly(1L, 2L, 1L, 2L);
    }

    @Test
    void reportsReconnectingWithTheReasonAndStopsCleanly() {
        LiveFeed feed = new LiveFeed(hub, new ImmediateTaskRunner(), d -> Thread.sleep(60_000));
        feed.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> feed.stateProperty().get() == LiveFeed.State.RECONNECTING);
        assertThat(feed.statusProperty().get()).isEqualTo("Reconnecting in 1 s — The live stream dropped.");
        feed.stop();
        assertThat(feed.stateProperty().get()).isEqualTo(LiveFeed.State.STOPPED);
    }
}
