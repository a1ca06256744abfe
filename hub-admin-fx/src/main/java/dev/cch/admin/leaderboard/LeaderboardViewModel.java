package dev.cch.admin.leaderboard;

import dev.cch.admin.api.HubClient;
import dev.cch.admin.common.Activity;
import dev.cch.admin.common.Formats;
import dev.cch.admin.tasks.TaskRunner;
import dev.cch.protocol.admin.LeaderboardView;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Top users, keys, providers or models for today, this week, this month or a custom range of days. */
public final class LeaderboardViewModel {
    public static final List<String> SUBJECTS = List.of("user", "key", "provider", "model");
    public static final List<String> PERIODS = List.of("today", "week", "month", "custom");

    private final HubClient client;
    private final Activity activity;
    private final ZoneId zone;
    private final ObjectProperty<String> by = new SimpleObjectProperty<>("user");
    private final ObjectProperty<String> period = new SimpleObjectProperty<>("today");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObservableList<LeaderboardView.Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("");

    public LeaderboardViewModel(HubClient client, TaskRunner tasks, ZoneId zone) {
        this.client = client;
        this.activity = new Activity(tasks);
        this.zone = zone;
        LocalDate today = LocalDate.now(zone);
        from.set(today.minusDays(6));
        to.set(today);
        by.addListener((o, a, b) -> load());
        period.addListener((o, a, b) -> load());
    }

    public void load() {
        String b = by.get();
        String p = period.get();
        Instant start = null;
        Instant end = null;
        if ("custom".equals(p)) {
            if (from.get() == null || to.get() == null || from.get().isAfter(to.get())) {
                activity.fail("Pick a first day that is on or before the last day.");
                return;
            }
            start = from.get().atStartOfDay(zone).toInstant();
            end = to.get().plusDays(1).atStartOfDay(zone).toInstant();
        }
        Instant s = start;
        Instant e = end;
        activity.run(() -> client.leaderboard(b, p, s, e, 50), this::show);
    }

    private void show(LeaderboardView board) {
        rows.setAll(board.rows());
        caption.set("Top " + board.by() + "s · " + Formats.moment(board.from()) + " – " + Formats.moment(board.to()));
        activity.clear();
    }

    public Activity activity() {
        return activity;
    }

    public ObjectProperty<String> byProperty() {
        return by;
    }

    public ObjectProperty<String> periodProperty() {
        return period;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObservableList<LeaderboardView.Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }
}
