package dev.cch.admin.connect;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The connect form. Code-first: {@link #createView()} builds the nodes and binds them; no logic here. */
public final class ConnectView {
    private final ConnectViewModel vm;

    public ConnectView(ConnectViewModel vm) {
        this.vm = vm;
    }

    public Parent createView() {
        Label title = new Label("Claude Code Hub", new FontIcon(Feather.CPU));
        title.getStyleClass().add(Styles.TITLE_2);
        Label subtitle = new Label("Connect the control panel to a hub with its admin token.");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);

        TextField url = new TextField();
        url.setId("serverUrl");
        url.setPromptText("http://localhost:23000");
        PasswordField token = new PasswordField();
        token.setId("adminToken");
        token.setPromptText("admin token (data/admin-token on the hub)");
        CheckBox remember = new CheckBox("Remember the token on this computer");
        remember.setId("rememberToken");
        Label storage = new Label(vm.tokenStorage());
        storage.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        storage.setWrapText(true);
        Button connect = new Button("Connect", new FontIcon(Feather.LOG_IN));
        connect.setId("connect");
        connect.setDefaultButton(true);
        connect.getStyleClass().add(Styles.ACCENT);
        connect.setMaxWidth(Double.MAX_VALUE);
        ProgressBar progress = new ProgressBar();
        progress.setMaxWidth(Double.MAX_VALUE);
        Label status = new Label();
        status.setId("status");
        status.setWrapText(true);
        Label health = new Label();
        health.setId("health");
        health.getStyleClass().add(Styles.TEXT_MUTED);

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(10);
        form.addRow(0, new Label("Server"), url);
        form.addRow(1, new Label("Admin token"), token);
        form.add(remember, 1, 2);
        GridPane.setHgrow(url, Priority.ALWAYS);

        url.textProperty().bindBidirectional(vm.serverUrlProperty());
        token.textProperty().bindBidirectional(vm.tokenProperty());
        remember.selectedProperty().bindBidirectional(vm.rememberTokenProperty());
        connect.disableProperty().bind(vm.cannotConnect());
        connect.setOnAction(e -> vm.connect());
        progress.visibleProperty().bind(vm.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        status.textProperty().bind(vm.statusProperty());
        vm.failedProperty().addListener((o, was, failed) -> {
            status.getStyleClass().remove(Styles.DANGER);
            if (failed) {
                status.getStyleClass().add(Styles.DANGER);
            }
        });
        health.textProperty().bind(vm.healthProperty());

        VBox card = new VBox(14, title, subtitle, form, connect, progress, status, health, storage);
        card.setPadding(new Insets(28));
        card.setMaxWidth(520);
        card.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        card.getStyleClass().add("connect-card");
        StackPane root = new StackPane(card);
        StackPane.setAlignment(card, Pos.CENTER);
        root.setPadding(new Insets(16));
        return root;
    }
}
