package dev.cch.admin;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.cch.admin.api.HttpHubClient;
import dev.cch.admin.api.HubClient;
import dev.cch.admin.connect.ConnectView;
import dev.cch.admin.connect.ConnectViewModel;
import dev.cch.admin.connect.ConnectionMemory;
import dev.cch.admin.connect.EncryptedFileVault;
import dev.cch.admin.connect.KeyringVault;
import dev.cch.admin.connect.TokenVault;
import dev.cch.admin.live.LiveFeed;
import dev.cch.admin.tasks.FxTaskRunner;
import dev.cch.admin.tasks.TaskRunner;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.prefs.Preferences;

/** The desktop control panel's composition root: builds the client, the stores and every screen. */
public final class AdminApp extends Application {
    private LiveFeed feed;

    @Override
    public void start(Stage stage) {
        Preferences prefs = Preferences.userNodeForPackage(AdminApp.class);
        BooleanProperty dark = new SimpleBooleanProperty(prefs.getBoolean("dark", false));
        applyTheme(dark.get());
        dark.addListener((o, was, now) -> {
            prefs.putBoolean("dark", now);
            applyTheme(now);
        });
        TokenVault vault = KeyringVault.reachable().<TokenVault>map(v -> v)
                .orElseGet(() -> new EncryptedFileVault(Path.of(System.getProperty("user.home"), ".cch-admin")));
        HubClient client = new HttpHubClient();
        TaskRunner tasks = new FxTaskRunner();
        ConnectViewModel connect = new ConnectViewModel(client, tasks, new ConnectionMemory(prefs, vault));
        Scene scene = new Scene(new ConnectView(connect).createView(), 1360, 860);
        scene.getStylesheets().add(AdminApp.class.getResource("admin.css").toExternalForm());
        connect.connectedProperty().addListener((o, was, now) -> {
            if (now) {
                feed = new LiveFeed(client, tasks);
                scene.setRoot(new Screens(client, tasks, feed, dark).shell());
                feed.start();
            }
        });
        stage.setTitle("Claude Code Hub — control panel");
        stage.setScene(scene);
        stage.show();
    }

    @Override
    public void stop() {
        if (feed != null) {
            feed.stop();
        }
    }

    private static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
