package dev.cch.admin.settings;

import atlantafx.base.theme.Styles;
import dev.cch.admin.common.CatalogTable;
import dev.cch.admin.common.Columns;
import dev.cch.admin.common.FormGrid;
import dev.cch.admin.common.Inputs;
import dev.cch.protocol.admin.ProviderGroupView;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;

import java.util.List;

/** Provider groups beside their editor. */
final class ProviderGroupsPane {
    private final ProviderGroupsViewModel vm;

    ProviderGroupsPane(ProviderGroupsViewModel vm) {
        this.vm = vm;
    }

    Parent createView() {
        var table = CatalogTable.of("providerGroups", vm.groups(), "No provider groups besides the default.",
                List.of(Columns.text("Group", ProviderGroupView::name, 160),
                        Columns.text("Cost ×", g -> g.costMultiplier().stripTrailingZeros().toPlainString(), 70),
                        Columns.text("Description", ProviderGroupView::description, 240)));
        HBox tools = new HBox(8, Inputs.button("newGroup", "New group", Feather.PLUS, vm::createNew));
        Button save = Inputs.button("saveGroup", "Save", Feather.SAVE, vm::save);
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(vm.cannotSave());
        Button delete = Inputs.button("deleteGroup", "Delete", Feather.TRASH_2, vm::delete);
        delete.getStyleClass().add(Styles.DANGER);
        delete.disableProperty().bind(vm.groups().selectedProperty().isNull());
        FormGrid f = new FormGrid()
                .field("Name", Inputs.text("groupName", vm.name, "e.g. premium"), vm.errors().of("name"))
                .field("Cost multiplier", Inputs.text("groupMultiplier", vm.costMultiplier, "1"), vm.errors().of("costMultiplier"))
                .note("Applied to the cost of every request billed in this group.")
                .field("Description", Inputs.text("groupDescription", vm.description, ""))
                .field("", new HBox(8, save, delete));
        return CatalogTable.layout(tools, table, f.node(), vm.activity(), "groupsMessage");
    }
}
