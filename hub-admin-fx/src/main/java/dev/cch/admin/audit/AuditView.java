package dev.cch.admin.audit;

import atlantafx.base.theme.Styles;
import dev.cch.admin.common.Banner;
import dev.cch.admin.common.Columns;
import dev.cch.admin.common.Formats;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/** Filterable audit log with the selected entry's changes field by field. */
public final class AuditView {
    private final AuditViewModel vm;

    public AuditView(AuditViewModel vm) {
        this.vm = vm;
    }

    public Parent createView() {
        Button search = new Button("Search", new FontIcon(Feather.SEARCH));
        search.setId("searchAudit");
        search.setDefaultButton(true);
        search.setOnAction(e -> vm.load());
        HBox filters = new HBox(8, text("auditAction", vm.action, "action or prefix, e.g. provider."),
                text("auditActor", vm.actor, "actor"), text("auditTarget", vm.targetType, "target type"), search);
        filters.setAlignment(Pos.CENTER_LEFT);

        TableView<dev.cch.protocol.admin.AuditView> table = new TableView<>(vm.rows());
        table.setId("audit");
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE);
        table.setPlaceholder(new Label("No admin actions match."));
        table.getColumns().addAll(List.of(
                Columns.text("Time", a -> Formats.shortMoment(a.at()), 125),
                Columns.text("Actor", a -> a.actor(), 120),
                Columns.text("Action", a -> a.action(), 140),
                Columns.text("Target", a -> Formats.orDash(a.targetName()) + (a.targetId() == null ? "" : " #" + a.targetId()), 160),
                Columns.styled("Result", a -> a.success() ? "ok" : "failed", a -> a.success() ? "state-closed" : "state-open", 70),
                Columns.text("From", a -> Formats.orDash(a.actorIp()), 110)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> vm.selectedProperty().set(now));
        VBox.setVgrow(table, Priority.ALWAYS);
        Button more = new Button("Load more", new FontIcon(Feather.CHEVRONS_DOWN));
        more.setId("moreAudit");
        more.visibleProperty().bind(vm.moreProperty());
        more.managedProperty().bind(more.visibleProperty());
        more.setOnAction(e -> vm.loadMore());

        ListView<String> changes = new ListView<>(vm.changes());
        changes.setId("auditChanges");
        changes.setPlaceholder(new Label("Select an entry to see what changed."));
        Label title = new Label("What changed");
        title.getStyleClass().add(Styles.TITLE_4);
        VBox right = new VBox(8, title, changes);
        VBox.setVgrow(changes, Priority.ALWAYS);
        SplitPane split = new SplitPane(new VBox(8, table, more), right);
        split.setDividerPositions(0.62);
        VBox.setVgrow(split, Priority.ALWAYS);
        return new VBox(10, filters, split, Banner.of(vm.activity(), "auditMessage"));
    }

    private static TextField text(String id, StringProperty p, String prompt) {
        TextField t = new TextField();
        t.setId(id);
        t.setPromptText(prompt);
        t.setPrefWidth(200);
        t.textProperty().bindBidirectional(p);
        return t;
    }
}
