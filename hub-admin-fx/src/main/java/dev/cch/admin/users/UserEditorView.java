package dev.cch.admin.users;

import atlantafx.base.theme.Styles;
import dev.cch.admin.common.Banner;
import dev.cch.admin.common.FormGrid;
import dev.cch.admin.common.LimitsPane;
import dev.cch.protocol.admin.Role;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The user form: profile, access, limits and expiry. */
final class UserEditorView {
    private final UserEditorViewModel vm;

    UserEditorView(UserEditorViewModel vm) {
        this.vm = vm;
    }

    Parent createView() {
        ComboBox<Role> role = new ComboBox<>();
        role.setId("userRole");
        role.getItems().setAll(Role.values());
        role.setConverter(dev.cch.admin.common.Inputs.readable());
        role.valueProperty().bindBidirectional(vm.role);
        CheckBox enabled = new CheckBox("Enabled");
        enabled.setId("userEnabled");
        enabled.selectedProperty().bindBidirectional(vm.enabled);
        DatePicker expires = new DatePicker();
        expires.setId("userExpires");
        expires.setPromptText("never");
        expires.valueProperty().bindBidirectional(vm.expires);
        FormGrid f = new FormGrid()
                .field("Name", field("userName", vm.name, "e.g. alice"), vm.errors().of("name"))
                .field("Description", field("userDescription", vm.description, ""), vm.errors().of("description"))
                .field("Role", role)
                .field("Provider group", field("userGroup", vm.providerGroup, "default"), vm.errors().of("providerGroup"))
                .field("Tags", field("userTags", vm.tags, "team-a, contractor"))
                .field("", enabled)
                .field("Last working day", expires)
                .section("Access")
                .field("Allowed models", field("userModels", vm.allowedModels, "all models"))
                .field("Allowed clients", field("userClients", vm.allowedClients, "any client"))
                .field("Blocked clients", field("userBlocked", vm.blockedClients, "none"))
                .section("Limits (blank = none)");
        LimitsPane.addTo(f, vm.limits, vm.errors(), "limits.", true, "user");
        Button save = new Button("Save user", new FontIcon(Feather.SAVE));
        save.setId("saveUser");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(vm.cannotSave());
        save.setOnAction(e -> vm.save());
        f.field("", save);
        VBox box = new VBox(8, f.node(), Banner.of(vm.activity(), "userMessage"));
        box.setPadding(new Insets(12, 12, 12, 4));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    static TextField field(String id, StringProperty p, String prompt) {
        TextField t = new TextField();
        t.setId(id);
        t.setPromptText(prompt);
        t.textProperty().bindBidirectional(p);
        return t;
    }
}
