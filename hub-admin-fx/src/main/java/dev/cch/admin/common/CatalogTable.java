package dev.cch.admin.common;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;

/** A table showing a {@link Catalog} with its selection kept in step, beside a form: the list-and-editor layout. */
public final class CatalogTable {
    private CatalogTable() {
    }

    public static <V> TableView<V> of(String id, Catalog<V> catalog, String empty, List<TableColumn<V, ?>> columns) {
        TableView<V> table = new TableView<>(catalog.items());
        table.setId(id);
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE);
        table.setPlaceholder(new Label(empty));
        table.getColumns().addAll(columns);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                catalog.selectedProperty().set(now);
            }
        });
        catalog.selectedProperty().addListener((o, was, now) -> {
            if (now == null) {
                table.getSelectionModel().clearSelection();
            } else if (now != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(now);
            }
        });
        return table;
    }

    /** Tools and table on the left, the form (scrolling) on the right, the outcome below. */
    public static Parent layout(Node tools, TableView<?> table, Node form, Activity activity, String messageId) {
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox left = new VBox(8, tools, table);
        VBox right = new VBox(8, form);
        right.setPadding(new Insets(8, 12, 12, 12));
        ScrollPane scroll = new ScrollPane(right);
        scroll.setFitToWidth(true);
        SplitPane split = new SplitPane(left, scroll);
        split.setDividerPositions(0.55);
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox root = new VBox(8, split, Banner.of(activity, messageId));
        root.setPadding(new Insets(10, 0, 0, 0));
        return root;
    }
}
