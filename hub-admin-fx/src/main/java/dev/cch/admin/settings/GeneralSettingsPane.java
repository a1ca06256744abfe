package dev.cch.admin.settings;

import atlantafx.base.theme.Styles;
import dev.cch.admin.common.Banner;
import dev.cch.admin.common.FormGrid;
import dev.cch.admin.common.Inputs;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** Billing model, price sync and log retention. */
final class GeneralSettingsPane {
    private final GeneralSettingsViewModel vm;

    GeneralSettingsPane(GeneralSettingsViewModel vm) {
        this.vm = vm;
    }

    Parent createView() {
        Button save = Inputs.button("saveSettings", "Save settings", Feather.SAVE, vm::save);
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(vm.cannotSave());
        FormGrid f = new FormGrid()
                .field("Bill redirected requests as", Inputs.choice("billingModel", GeneralSettingsViewModel.BILLING, vm.billingModel),
                        vm.errors().of("billingModel"))
                .note("requested: the model the client asked for; redirected: the model actually sent upstream.")
                .field("Price sync URL", Inputs.text("priceSyncUrl", vm.priceSyncUrl, "LiteLLM JSON or TOML; empty for none"),
                        vm.errors().of("priceSyncUrl"))
                .field("Sync every (hours)", Inputs.text("priceSyncHours", vm.priceSyncHours, "0 = only on demand"),
                        vm.errors().of("priceSyncHours"))
                .field("Keep request log (days)", Inputs.text("logRetentionDays", vm.logRetentionDays, "0 = forever"),
                        vm.errors().of("logRetentionDays"))
                .note("Older request rows are deleted; hourly statistics are kept.")
                .field("", save);
        VBox box = new VBox(10, f.node(), Banner.of(vm.activity(), "settingsMessage"));
        box.setPadding(new Insets(16));
        box.setMaxWidth(760);
        return box;
    }
}
