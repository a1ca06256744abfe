package dev.cch.admin.connect;

import dev.cch.admin.api.HubClient;
import dev.cch.admin.api.HubException;
import dev.cch.admin.tasks.TaskRunner;
import dev.cch.protocol.admin.HealthView;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Connecting to a hub: server URL and admin token in, a status line and the hub's health out. */
public final class ConnectViewModel {
    private final HubClient client;
    private final TaskRunner tasks;
    private final StringProperty serverUrl = new SimpleStringProperty("http://localhost:23000");
    private final StringProperty token = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty connected = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Not connected");
    private final ReadOnlyStringWrapper health = new ReadOnlyStringWrapper("");

    public ConnectViewModel(HubClient client, TaskRunner tasks) {
        this.client = client;
        this.tasks = tasks;
    }

    public StringProperty serverUrlProperty() {
        return serverUrl;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty connectedProperty() {
        return connected;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty healthProperty() {
        return health.getReadOnlyProperty();
    }

    /** True while the form cannot be submitted. */
    public BooleanBinding cannotConnect() {
        return Bindings.createBooleanBinding(() -> busy.get() || serverUrl.get().isBlank() || token.get().isBlank(),
                busy, serverUrl, token);
    }

    public void connect() {
        busy.set(true);
        status.set("Connecting to " + serverUrl.get() + " …");
        String url = serverUrl.get().trim();
        String t = token.get().trim();
        tasks.run(() -> client.connect(url, t), this::connected, this::failed);
    }

    private void connected(HealthView h) {
        busy.set(false);
        connected.set(true);
        status.set("Connected to " + serverUrl.get());
        health.set(describe(h));
    }

    private void failed(Exception e) {
        busy.set(false);
        connected.set(false);
        status.set(e instanceof HubException h ? h.getMessage() : "Unexpected error: " + e.getMessage());
        health.set("");
    }

    static String describe(HealthView h) {
        StringBuilder sb = new StringBuilder("Hub " + h.version() + " is " + h.status());
        new java.util.TreeMap<>(h.checks()).forEach((k, v) -> sb.append(" · ").append(k).append(' ').append(v));
        return sb.toString();
    }
}
