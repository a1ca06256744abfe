package dev.cch.admin.sessions;

import dev.cch.admin.api.HubClient;
import dev.cch.admin.common.Activity;
import dev.cch.admin.tasks.TaskRunner;
import dev.cch.protocol.admin.SessionView;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;

/** Coding sessions active in the last few minutes: what each used, ending one, and its requests in the log. */
public final class SessionsViewModel {
    private final HubClient client;
    private final Activity activity;
    private final Clock clock;
    private final Consumer<String> showLogs;
    private final ObservableList<SessionView> sessions = FXCollections.observableArrayList();
    private final ObjectProperty<SessionView> selected = new SimpleObjectProperty<>();

    public SessionsViewModel(HubClient client, TaskRunner tasks, Clock clock, Consumer<String> showLogs) {
        this.client = client;
        this.activity = new Activity(tasks);
        this.clock = clock;
        this.showLogs = showLogs;
    }

    public void load() {
        activity.run(client::sessions, list -> {
            sessions.setAll(list);
            activity.succeed(list.size() + " active session(s).");
        });
    }

    public void end() {
        SessionView s = selected.get();
        if (s == null) {
            return;
        }
        activity.run(() -> {
            client.endSession(s.keyId(), s.sessionId());
            return s;
        }, x -> {
            sessions.remove(x);
            selected.set(null);
            activity.succeed("Ended session " + x.sessionId() + "; its next request starts afresh.");
        });
    }

    public void openLogs() {
        if (selected.get() != null) {
            showLogs.accept(selected.get().sessionId());
        }
    }

    public Instant now() {
        return clock.instant();
    }

    public Activity activity() {
        return activity;
    }

    public ObservableList<SessionView> sessions() {
        return sessions;
    }

    public ObjectProperty<SessionView> selectedProperty() {
        return selected;
    }
}
