package dev.cch.admin.dashboard;

import dev.cch.admin.api.HubClient;
import dev.cch.admin.common.Activity;
import dev.cch.admin.common.Formats;
import dev.cch.admin.live.LiveFeed;
import dev.cch.admin.tasks.TaskRunner;
import dev.cch.protocol.admin.LiveEvent;
import dev.cch.protocol.admin.OverviewView;
import dev.cch.protocol.admin.UsageFigures;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The dashboard, live from the hub's event stream: headline figures, a rolling 15-minute series of requests per
 * second, requests per provider over the last minute, the latest requests and alerts. Every value is a property
 * updated in place, so the view never rebuilds nodes.
 */
public final class DashboardViewModel {
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int RECENT = 50;

    /** One point of the rolling chart. */
    public record Sample(Instant at, double requestsPerSecond, double errorRate) {
    }

    private final HubClient client;
    private final Activity activity;
    private final ReadOnlyStringWrapper requestsPerSecond = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper requestsPerSecondMinute = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper tokensToday = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper requestsToday = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper costToday = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper costYesterday = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper activeSessions = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper activeStreams = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper errorRate = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper latency = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper latencyDetail = new ReadOnlyStringWrapper("p95 —");
    private final ObservableList<Sample> samples = FXCollections.observableArrayList();
    private final ObservableMap<String, Long> perProvider = FXCollections.observableHashMap();
    private final ObservableList<LiveEvent.Request> recent = FXCollections.observableArrayList();
    private final ObservableList<String> alerts = FXCollections.observableArrayList();
    private String lastAlert;
    private int repeats;

    public DashboardViewModel(HubClient client, TaskRunner tasks, LiveFeed feed) {
        this.client = client;
        this.activity = new Activity(tasks);
        feed.subscribe(this::onEvent);
    }

    /** Fetches today's figures so the tiles are filled before the first live snapshot arrives. */
    public void load() {
        activity.run(client::overview, this::showOverview);
    }

    public Activity activity() {
        return activity;
    }

    private void showOverview(OverviewView o) {
        showToday(o.today());
        activeSessions.set(Long.toString(o.activeSessions()));
        costYesterday.set("yesterday " + Formats.usd(o.yesterday().costUsd()));
    }

    void onEvent(LiveEvent e) {
        switch (e) {
            case LiveEvent.Metrics m -> onMetrics(m);
            case LiveEvent.Request r -> {
                recent.addFirst(r);
                if (recent.size() > RECENT) {
                    recent.remove(RECENT, recent.size());
                }
            }
            case LiveEvent.Breaker b -> alert(b.at(), "Breaker of " + b.providerName() + " is " + b.state().replace('_', '-')
                    + " after " + b.failures() + " failure(s)");
            case LiveEvent.Limit l -> alert(l.at(), l.subject() + ": " + l.message());
        }
    }

    private void onMetrics(LiveEvent.Metrics m) {
        requestsPerSecond.set(Formats.rate(m.requestsPerSecond()));
        requestsPerSecondMinute.set(Formats.rate(m.requestsPerSecondMinute()) + " /s over the last minute");
        errorRate.set(Formats.percent(m.errorRateMinute()));
        latency.set(Formats.millis(m.p50LatencyMs()));
        latencyDetail.set("p95 " + Formats.millis(m.p95LatencyMs()) + " · last minute");
        activeSessions.set(Long.toString(m.activeSessions()));
        activeStreams.set(m.activeStreams() + " stream(s) open");
        if (m.today() != null) {
            showToday(m.today());
        }
        samples.add(new Sample(m.at(), m.requestsPerSecond(), m.errorRateMinute()));
        Instant oldest = m.at().minus(WINDOW);
        int stale = 0;
        while (stale < samples.size() && samples.get(stale).at().isBefore(oldest)) {
            stale++;
        }
        if (stale > 0) {
            samples.remove(0, stale);
        }
        Map<String, Long> next = m.requestsPerProviderMinute() == null ? Map.of() : new HashMap<>(m.requestsPerProviderMinute());
        perProvider.keySet().retainAll(next.keySet());
        next.forEach((k, v) -> {
            if (!v.equals(perProvider.get(k))) {
                perProvider.put(k, v);
            }
        });
    }

    private void showToday(UsageFigures t) {
        tokensToday.set(Formats.count(t.totalTokens()));
        requestsToday.set(t.requests() + " requests today");
        costToday.set(Formats.usd(t.costUsd()));
    }

    private void alert(Instant at, String text) {
        // the same alert again (a limit hit over and over) is counted on one line instead of flooding the list
        if (text.equals(lastAlert) && !alerts.isEmpty()) {
            repeats++;
            alerts.set(0, Formats.clock(at) + "  " + text + "  (×" + repeats + ")");
            return;
        }
        lastAlert = text;
        repeats = 1;
        alerts.addFirst(Formats.clock(at) + "  " + text);
        if (alerts.size() > 20) {
            alerts.removeLast();
        }
    }

    public ReadOnlyStringProperty requestsPerSecondProperty() {
        return requestsPerSecond.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty requestsPerSecondMinuteProperty() {
        return requestsPerSecondMinute.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tokensTodayProperty() {
        return tokensToday.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty requestsTodayProperty() {
        return requestsToday.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty costTodayProperty() {
        return costToday.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty costYesterdayProperty() {
        return costYesterday.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty activeSessionsProperty() {
        return activeSessions.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty activeStreamsProperty() {
        return activeStreams.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorRateProperty() {
        return errorRate.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty latencyProperty() {
        return latency.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty latencyDetailProperty() {
        return latencyDetail.getReadOnlyProperty();
    }

    public ObservableList<Sample> samples() {
        return samples;
    }

    public ObservableMap<String, Long> perProvider() {
        return perProvider;
    }

    public ObservableList<LiveEvent.Request> recent() {
        return recent;
    }

    public ObservableList<String> alerts() {
        return alerts;
    }
}
