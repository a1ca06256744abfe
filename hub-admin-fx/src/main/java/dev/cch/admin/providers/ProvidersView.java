package dev.cch.admin.providers;

import atlantafx.base.theme.Styles;
import dev.cch.admin.common.Banner;
import dev.cch.admin.common.Columns;
import dev.cch.admin.common.Formats;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/** The providers table (breaker state in colour, failures, reopen time) beside the editor of the selected one. */
public final class ProvidersView {
    private final ProvidersViewModel vm;

    public ProvidersView(ProvidersViewModel vm) {
        this.vm = vm;
    }

    public Parent createView() {
        TableView<ProviderRow> table = new TableView<>(vm.rows());
        table.setId("providers");
        table.getStyleClass().add(Styles.STRIPED);
        table.setPlaceholder(new Label("No providers yet: fill in the form to add one."));
        table.getColumns().addAll(List.of(
                Columns.text("Name", r -> r.provider().name() + (r.provider().enabled() ? "" : " (off)"), 125),
                Columns.text("Type", r -> r.provider().type(), 110),
                Columns.number("Weight", r -> r.provider().weight(), String::valueOf, 68),
                Columns.number("Prio", r -> r.provider().priority(), String::valueOf, 50),
                Columns.styled("Breaker", ProviderRow::stateText, r -> "state-" + r.state(), 95),
                Columns.text("Fails", ProviderRow::failures, 55),
                Columns.text("Reopens", r -> r.reopens(vm.now()), 95)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.selectedProperty().set(now);
            }
        });
        vm.selectedProperty().addListener((o, was, now) -> {
            if (now != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(now);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        Button add = new Button("New provider", new FontIcon(Feather.PLUS));
        add.setId("newProvider");
        add.setOnAction(e -> vm.createNew());
        Button reset = new Button("Reset breaker", new FontIcon(Feather.ROTATE_CCW));
        reset.setId("resetBreaker");
        reset.disableProperty().bind(vm.selectedProperty().isNull());
        reset.setOnAction(e -> vm.resetBreaker(vm.selectedProperty().get()));
        Button resetAll = new Button("Reset all", new FontIcon(Feather.REFRESH_CCW));
        resetAll.setId("resetAllBreakers");
        resetAll.setOnAction(e -> vm.resetAllBreakers());
        Button delete = new Button("Delete", new FontIcon(Feather.TRASH_2));
        delete.setId("deleteProvider");
        delete.getStyleClass().add(Styles.DANGER);
        delete.disableProperty().bind(vm.selectedProperty().isNull());
        delete.setOnAction(e -> vm.delete(vm.selectedProperty().get()));
        Button refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.setId("refreshProviders");
        refresh.setOnAction(e -> vm.load());
        HBox tools = new HBox(8, add, reset, resetAll, delete, refresh);
        tools.setAlignment(Pos.CENTER_LEFT);

        VBox left = new VBox(10, tools, table, Banner.of(vm.activity(), "providersMessage"));
        SplitPane split = new SplitPane(left, new ProviderEditorView(vm.editor()).createView());
        split.setDividerPositions(0.55);
        return split;
    }
}
