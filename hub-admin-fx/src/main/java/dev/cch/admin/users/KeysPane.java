package dev.cch.admin.users;

import atlantafx.base.theme.Styles;
import dev.cch.admin.common.Banner;
import dev.cch.admin.common.Columns;
import dev.cch.admin.common.Formats;
import dev.cch.admin.common.FormGrid;
import dev.cch.admin.common.GaugePane;
import dev.cch.admin.common.LimitsPane;
import dev.cch.protocol.admin.KeyView;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/** The selected user's keys, the key form, the one-time secret with a copy button, and the key's gauges. */
final class KeysPane {
    private final UsersViewModel vm;

    KeysPane(UsersViewModel vm) {
        this.vm = vm;
    }

    Parent createView() {
        KeyEditorViewModel k = vm.keyEditor();
        TableView<KeyView> table = new TableView<>(vm.keys());
        table.setId("keys");
        table.setPrefHeight(170);
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        table.setPlaceholder(new Label("This user has no keys yet."));
        table.getColumns().addAll(List.of(
                Columns.text("Name", KeyView::name, 140),
                Columns.text("Key", x -> x.prefix() + "…", 100),
                Columns.text("On", x -> x.enabled() ? "yes" : "no", 45),
                Columns.text("Expires", x -> x.expiresAt() == null ? "never" : Formats.day(x.expiresAt()), 95),
                Columns.text("Last used", x -> Formats.moment(x.lastUsedAt()), 150)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.selectedKeyProperty().set(now);
            }
        });
        vm.selectedKeyProperty().addListener((o, was, now) -> {
            if (now == null) {
                table.getSelectionModel().clearSelection();
            } else if (now != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(now);
            }
        });
        Button add = new Button("New key", new FontIcon(Feather.KEY));
        add.setId("newKey");
        add.disableProperty().bind(vm.selectedUserProperty().isNull());
        add.setOnAction(e -> vm.newKey());
        Button delete = new Button("Delete key", new FontIcon(Feather.TRASH_2));
        delete.setId("deleteKey");
        delete.getStyleClass().add(Styles.DANGER);
        delete.disableProperty().bind(vm.selectedKeyProperty().isNull());
        delete.setOnAction(e -> vm.deleteKey());
        Button reset = new Button("Reset key usage", new FontIcon(Feather.ROTATE_CCW));
        reset.setId("resetKeyUsage");
        reset.disableProperty().bind(vm.selectedKeyProperty().isNull());
        reset.setOnAction(e -> vm.resetKeyUsage());
        HBox tools = new HBox(8, add, delete, reset);

        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_4);
        title.textProperty().bind(k.titleProperty());
        CheckBox enabled = new CheckBox("Enabled");
        enabled.setId("keyEnabled");
        enabled.selectedProperty().bindBidirectional(k.enabled);
        DatePicker expires = new DatePicker();
        expires.setId("keyExpires");
        expires.setPromptText("never");
        expires.valueProperty().bindBidirectional(k.expires);
        FormGrid f = new FormGrid()
                .field("Key name", UserEditorView.field("keyName", k.name, "e.g. alice-laptop"), k.errors().of("name"))
                .field("Provider group", UserEditorView.field("keyGroup", k.providerGroup, "the user's group"),
                        k.errors().of("providerGroup"))
                .field("", enabled)
                .field("Last working day", expires)
                .section("Key limits (blank = none or the user's)");
        LimitsPane.addTo(f, k.limits, k.errors(), "limits.", true, "key");
        Button save = new Button("Save key", new FontIcon(Feather.SAVE));
        save.setId("saveKey");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(k.cannotSave());
        save.setOnAction(e -> k.save());
        f.field("", save);

        VBox root = new VBox(10, tools, table, secretBox(k), title, f.node(), Banner.of(k.activity(), "keyMessage"),
                heading("Usage of this key"), GaugePane.of("keyGauges", vm.keyGauges()));
        root.setPadding(new Insets(12, 12, 12, 4));
        ScrollPane scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private static VBox secretBox(KeyEditorViewModel k) {
        Label warn = new Label("Copy this key now. The hub keeps only a hash and will never show it again.",
                new FontIcon(Feather.ALERT_TRIANGLE));
        warn.getStyleClass().add(Styles.WARNING);
        warn.setWrapText(true);
        TextField secret = new TextField();
        secret.setId("newSecret");
        secret.setEditable(false);
        secret.getStyleClass().add("secret-box");
        secret.textProperty().bind(k.secretProperty());
        HBox.setHgrow(secret, Priority.ALWAYS);
        Button copy = new Button("Copy", new FontIcon(Feather.COPY));
        copy.setId("copySecret");
        copy.getStyleClass().add(Styles.ACCENT);
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(k.secretProperty().get());
            Clipboard.getSystemClipboard().setContent(c);
            copy.setText("Copied");
        });
        Button done = new Button("Done", new FontIcon(Feather.CHECK));
        done.setId("dismissSecret");
        done.setOnAction(e -> {
            k.dismissSecret();
            copy.setText("Copy");
        });
        HBox line = new HBox(8, secret, copy, done);
        line.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, warn, line);
        box.setId("secretBox");
        box.getStyleClass().add("panel");
        box.setPadding(new Insets(10));
        box.visibleProperty().bind(k.secretProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TITLE_4);
        return l;
    }
}
