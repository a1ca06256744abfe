package dev.cch.server.notify;

import dev.cch.server.json.Json;
import dev.cch.server.providers.Secret;
import dev.cch.server.testing.FakeReceiver;
import dev.cch.server.upstream.http.OutboundHttp;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The courier's bound: when targets hang, new notifications are dropped and counted, never waited for. */
class CourierTest {

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlocking() {
        FakeReceiver hanging = FakeReceiver.start().hang();
        Courier courier = new Courier(new Channels(Json.newMapper(), Clock.systemUTC(), "http://127.0.0.1:9"),
                new WebhookSender(Json.newMapper(), new OutboundHttp(Duration.ofSeconds(60), false)), (id, at, result) -> { }, Clock.systemUTC(),
                3, 3, Duration.ofMillis(10));
        try {
            Target target = new Target(1, "hanging", "json", hanging.url("/hang"), new Secret(""), null,
                    List.of(Notice.TEST), new BigDecimal("0.8"), LocalTime.of(9, 0), true);
            List<Boolean> accepted = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                accepted.add(courier.deliver(target, new Notice.Test("hanging")));
            }
            assertThat(accepted).containsExactly(true, true, true, false, false, false, false, false, false, false);
            assertThat(courier.droppedCount()).isEqualTo(7);
            assertThat(courier.queueDepth()).isEqualTo(3);
            // both delivery threads are stuck on the target; the third message waits behind them
            assertThat(hanging.await(2, r -> true)).hasSize(2);
        } finally {
            hanging.close();
            courier.close();
        }
    }
}
