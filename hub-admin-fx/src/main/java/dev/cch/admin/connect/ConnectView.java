package dev.cch.admin.connect;

import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The connect form. Code-first: {@link #createView()} builds the nodes, {@link #bind} wires them; no logic here. */
public final class ConnectView {
    private final ConnectViewModel vm;

    public ConnectView(ConnectViewModel vm) {
        this.vm = vm;
    }

    public Parent createView() {
        TextField url = new TextField();
        url.setId("serverUrl");
        url.setPromptText("http://localhost:23000");
        PasswordField token = new PasswordField();
        token.setId("adminToken");
        token.setPromptText("admin token");
        Button connect = new Button("Connect");
        connect.setId("connect");
        connect.setDefaultButton(true);
        Label status = new Label();
        status.setId("status");
        Label health = new Label();
        health.setId("health");

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("Server"), url);
        form.addRow(1, new Label("Admin token"), token);
        form.add(connect, 1, 2);

        url.textProperty().bindBidirectional(vm.serverUrlProperty());
        token.textProperty().bindBidirectional(vm.tokenProperty());
        connect.disableProperty().bind(vm.cannotConnect());
        connect.setOnAction(e -> vm.connect());
        status.textProperty().bind(vm.statusProperty());
        health.textProperty().bind(vm.healthProperty());

        VBox root = new VBox(12, new Label("Claude Code Hub — control panel"), form, status, health);
        root.setPadding(new Insets(16));
        return root;
    }
}
