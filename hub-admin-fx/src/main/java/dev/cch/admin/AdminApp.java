package dev.cch.admin;

import dev.cch.admin.api.HttpHubClient;
import dev.cch.admin.connect.ConnectView;
import dev.cch.admin.connect.ConnectViewModel;
import dev.cch.admin.tasks.FxTaskRunner;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The desktop control panel's composition root. */
public final class AdminApp extends Application {
    @Override
    public void start(Stage stage) {
        ConnectViewModel vm = new ConnectViewModel(new HttpHubClient(), new FxTaskRunner());
        stage.setTitle("Claude Code Hub");
        stage.setScene(new Scene(new ConnectView(vm).createView(), 560, 260));
        stage.show();
    }
}
