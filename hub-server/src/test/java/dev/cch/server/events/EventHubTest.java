package dev.cch.server.events;

import dev.cch.protocol.admin.LiveEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventHubTest {

    static LiveEvent limit(int i) {
        return new LiveEvent.Limit(Instant.EPOCH, "rpm", "key", i, "n" + i);
    }

    @Test
    void aStuckSubscriberLosesEventsButNeverBlocksThePublisherOrOtherSubscribers() throws Exception {
        EventHub hub = new EventHub(100, 10);
        try (EventHub.Subscription stuck = hub.subscribe(0); EventHub.Subscription reader = hub.subscribe(0)) {
            for (int i = 0; i < 25; i++) {
                hub.publish(limit(i));
                if (i % 5 == 4) {
                    assertThat(reader.drain()).hasSize(5);
                }
            }
            assertThat(stuck.dropped()).isEqualTo(15);
            assertThat(reader.dropped()).isZero();
            assertThat(hub.dropped()).isEqualTo(15);
            List<EventHub.Numbered> kept = stuck.drain();
            assertThat(kept).extracting(EventHub.Numbered::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        }
        assertThat(hub.subscriberCount()).isZero();
    }

    @Test
    void resumingAfterALastEventIdReplaysOnlyLaterEventsStillInTheRing() {
        EventHub hub = new EventHub(5, 100);
        for (int i = 0; i < 8; i++) {
            hub.publish(limit(i));
        }
        try (EventHub.Subscription s = hub.subscribe(5)) {
            assertThat(s.drain()).extracting(EventHub.Numbered::id).containsExactly(6L, 7L, 8L);
            hub.publish(limit(9));
            assertThat(s.drain()).extracting(EventHub.Numbered::id).containsExactly(9L);
        }
        try (EventHub.Subscription fresh = hub.subscribe(0)) {
            assertThat(fresh.drain()).isEmpty();
        }
        try (EventHub.Subscription old = hub.subscribe(1)) {
            // ids 2 and 3 fell out of the ring: what is left is delivered, in order
            assertThat(old.drain()).extracting(EventHub.Numbered::id).containsExactly(5L, 6L, 7L, 8L, 9L);
        }
    }
}
