package dev.cch.admin.settings;

import atlantafx.base.theme.Styles;
import dev.cch.admin.common.CatalogTable;
import dev.cch.admin.common.Columns;
import dev.cch.admin.common.Formats;
import dev.cch.admin.common.FormGrid;
import dev.cch.admin.common.Inputs;
import dev.cch.protocol.admin.ErrorRuleView;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.util.List;

/** Error rules beside their editor, and a tester for a sample upstream error. */
final class ErrorRulesPane {
    private final ErrorRulesViewModel vm;

    ErrorRulesPane(ErrorRulesViewModel vm) {
        this.vm = vm;
    }

    Parent createView() {
        var table = CatalogTable.of("errorRules", vm.rules(), "No error rules.",
                List.of(Columns.text("Pattern", ErrorRuleView::pattern, 200),
                        Columns.text("Match", r -> r.matchType().wireName(), 70),
                        Columns.text("Category", ErrorRuleView::category, 100),
                        Columns.text("Status", r -> Formats.orDash(r.overrideStatus()), 60),
                        Columns.number("Priority", ErrorRuleView::priority, String::valueOf, 60),
                        Columns.styled("State", r -> (r.enabled() ? "on" : "off") + (r.isDefault() ? " (built in)" : ""),
                                r -> r.enabled() ? "state-closed" : "state-disabled", 110)));
        HBox tools = new HBox(8, Inputs.button("newRule", "New rule", Feather.PLUS, vm::createNew));
        Button save = Inputs.button("saveRule", "Save", Feather.SAVE, vm::save);
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(vm.cannotSave());
        Button delete = Inputs.button("deleteRule", "Delete", Feather.TRASH_2, vm::delete);
        delete.getStyleClass().add(Styles.DANGER);
        delete.disableProperty().bind(vm.rules().selectedProperty().isNull());
        TextArea body = new TextArea();
        body.setId("ruleBody");
        body.setPrefRowCount(3);
        body.setPromptText("replace the error body sent to the client (optional)");
        body.textProperty().bindBidirectional(vm.overrideBody);
        TextArea sample = new TextArea();
        sample.setId("sampleText");
        sample.setPrefRowCount(3);
        sample.setPromptText("{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"prompt is too long\"}}");
        sample.textProperty().bindBidirectional(vm.sampleText);
        Label verdict = new Label();
        verdict.setId("ruleVerdict");
        verdict.setWrapText(true);
        verdict.textProperty().bind(vm.verdictProperty());
        FormGrid f = new FormGrid()
                .field("Pattern", Inputs.text("rulePattern", vm.pattern, "text of the upstream error"), vm.errors().of("pattern"))
                .field("Match", Inputs.choice("ruleMatch", ErrorRulesViewModel.MATCHES, vm.match), vm.errors().of("matchType"))
                .field("Category", Inputs.text("ruleCategory", vm.category, "custom"))
                .field("Description", Inputs.text("ruleDescription", vm.description, ""))
                .field("Answer with status", Inputs.text("ruleStatus", vm.overrideStatus, "keep the upstream's"),
                        vm.errors().of("overrideStatus"))
                .field("Answer with body", body, vm.errors().of("overrideBody"))
                .field("Priority", Inputs.text("rulePriority", vm.priority, "0"), vm.errors().of("priority"))
                .field("", Inputs.check("ruleEnabled", "Enabled", vm.enabled))
                .field("", new HBox(8, save, delete))
                .section("Try the rules")
                .field("Upstream error", sample)
                .field("Its HTTP status", Inputs.text("sampleStatus", vm.sampleStatus, "e.g. 400"))
                .field("", Inputs.button("testRules", "Test", Feather.PLAY, vm::test))
                .field("", verdict);
        return CatalogTable.layout(tools, table, new VBox(f.node()), vm.activity(), "rulesMessage");
    }
}
