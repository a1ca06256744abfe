package dev.cch.server.events;

import dev.cch.protocol.admin.LiveEvent;
import dev.cch.protocol.admin.OverviewView;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Publishes a metrics snapshot every second while anyone is listening. */
public final class MetricsTicker implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(MetricsTicker.class.getName());
    private final ScheduledExecutorService timer;

    public MetricsTicker(EventHub hub, TrafficWindow traffic, Supplier<OverviewView> overview, LongSupplier activeStreams,
                         Clock clock) {
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon(true).name("cch-metrics-tick").unstarted(r));
        timer.scheduleAtFixedRate(() -> {
            if (hub.subscriberCount() == 0) {
                return;
            }
            try {
                TrafficWindow.Snapshot s = traffic.snapshot();
                OverviewView o = overview.get();
                hub.publish(new LiveEvent.Metrics(clock.instant(), s.rpsLastSecond(), s.rpsMinute(), s.errorRateMinute(),
                        s.p50Ms(), s.p95Ms(), activeStreams.getAsLong(), o.activeSessions(), o.today(), s.providersMinute(),
                        hub.dropped()));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "metrics snapshot failed", e);
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
