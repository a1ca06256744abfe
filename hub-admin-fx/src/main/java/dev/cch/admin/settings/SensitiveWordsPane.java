package dev.cch.admin.settings;

import atlantafx.base.theme.Styles;
import dev.cch.admin.common.CatalogTable;
import dev.cch.admin.common.Columns;
import dev.cch.admin.common.FormGrid;
import dev.cch.admin.common.Inputs;
import dev.cch.protocol.admin.SensitiveWordView;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;

import java.util.List;

/** Sensitive words beside their editor. */
final class SensitiveWordsPane {
    private final SensitiveWordsViewModel vm;

    SensitiveWordsPane(SensitiveWordsViewModel vm) {
        this.vm = vm;
    }

    Parent createView() {
        var table = CatalogTable.of("sensitiveWords", vm.words(), "No sensitive words: no request is refused for its text.",
                List.of(Columns.text("Word", SensitiveWordView::word, 200),
                        Columns.text("Match", w -> w.matchType().wireName(), 80),
                        Columns.styled("State", w -> w.enabled() ? "on" : "off", w -> w.enabled() ? "state-closed" : "state-disabled", 60),
                        Columns.text("Description", SensitiveWordView::description, 200)));
        HBox tools = new HBox(8, Inputs.button("newWord", "New word", Feather.PLUS, vm::createNew));
        Button save = Inputs.button("saveWord", "Save", Feather.SAVE, vm::save);
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(vm.cannotSave());
        Button delete = Inputs.button("deleteWord", "Delete", Feather.TRASH_2, vm::delete);
        delete.getStyleClass().add(Styles.DANGER);
        delete.disableProperty().bind(vm.words().selectedProperty().isNull());
        FormGrid f = new FormGrid()
                .field("Word or pattern", Inputs.text("word", vm.word, "text to refuse"), vm.errors().of("word"))
                .field("Match", Inputs.choice("wordMatch", SensitiveWordsViewModel.MATCHES, vm.match), vm.errors().of("matchType"))
                .field("Description", Inputs.text("wordDescription", vm.description, "why it is refused"))
                .field("", Inputs.check("wordEnabled", "Enabled", vm.enabled))
                .field("", new HBox(8, save, delete));
        return CatalogTable.layout(tools, table, f.node(), vm.activity(), "wordsMessage");
    }
}
