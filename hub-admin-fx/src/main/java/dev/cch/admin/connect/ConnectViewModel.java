package dev.cch.admin.connect;

import dev.cch.admin.api.HubClient;
import dev.cch.admin.api.HubException;
import dev.cch.admin.tasks.TaskRunner;
import dev.cch.protocol.admin.HealthView;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.TreeMap;

/** Connecting to a hub: server URL and admin token in (remembered between runs), a status line and health out. */
public final class ConnectViewModel {
    private final HubClient client;
    private final TaskRunner tasks;
    private final ConnectionMemory memory;
    private final StringProperty serverUrl = new SimpleStringProperty("http://localhost:23000");
    private final StringProperty token = new SimpleStringProperty("");
    private final BooleanProperty rememberToken = new SimpleBooleanProperty(true);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Not connected");
    private final ReadOnlyStringWrapper health = new ReadOnlyStringWrapper("");
    private final BooleanBinding cannotConnect;

    public ConnectViewModel(HubClient client, TaskRunner tasks, ConnectionMemory memory) {
        this.client = client;
        this.tasks = tasks;
        this.memory = memory;
        memory.serverUrl().ifPresent(serverUrl::set);
        memory.token(serverUrl.get()).ifPresent(t -> {
            token.set(t);
            status.set("Token remembered for " + serverUrl.get());
        });
        cannotConnect = Bindings.createBooleanBinding(() -> busy.get() || serverUrl.get().isBlank() || token.get().isBlank(),
                busy, serverUrl, token);
    }

    public StringProperty serverUrlProperty() {
        return serverUrl;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    public BooleanProperty rememberTokenProperty() {
        return rememberToken;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** True when the status line reports a failure. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty healthProperty() {
        return health.getReadOnlyProperty();
    }

    public String tokenStorage() {
        return "Remembered tokens are kept " + memory.whereTokensGo() + ".";
    }

    /** True while the form cannot be submitted. */
    public BooleanBinding cannotConnect() {
        return cannotConnect;
    }

    public void connect() {
        if (cannotConnect.get()) {
            return;
        }
        busy.set(true);
        failed.set(false);
        String url = serverUrl.get().trim().replaceAll("/+$", "");
        String t = token.get().trim();
        boolean keep = rememberToken.get();
        status.set("Connecting to " + url + " …");
        tasks.run(() -> {
            HealthView h = client.connect(url, t);
            memory.remember(url, t, keep);
            return h;
        }, h -> connected(url, h), this::failed);
    }

    private void connected(String url, HealthView h) {
        busy.set(false);
        status.set("Connected to " + url);
        health.set(describe(h));
        connected.set(true);
    }

    private void failed(Exception e) {
        busy.set(false);
        connected.set(false);
        failed.set(true);
        status.set(e instanceof HubException h ? h.getMessage() : "Unexpected error: " + e.getMessage());
        health.set("");
    }

    static String describe(HealthView h) {
        StringBuilder sb = new StringBuilder("Hub " + h.version() + " is " + h.status());
        new TreeMap<>(h.checks()).forEach((k, v) -> sb.append(" · ").append(k).append(' ').append(v));
        return sb.toString();
    }
}
