package dev.cch.admin.common;

import atlantafx.base.theme.Styles;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.function.Supplier;

/**
 * A small editable list of {@link EditableRow}s drawn as rows of inputs with a remove button and an "add" button.
 * A column with choices shows a combo box; the others text fields.
 */
public final class RowTable {
    /** A column: its prompt, its width, and its choices (empty for free text). */
    public record Column(String prompt, double width, List<String> choices) {
        public static Column text(String prompt, double width) {
            return new Column(prompt, width, List.of());
        }
    }

    private RowTable() {
    }

    public static VBox of(String id, ObservableList<EditableRow> rows, Supplier<EditableRow> blank, String addText,
                          Column... columns) {
        VBox lines = new VBox(4);
        Runnable redraw = () -> {
            lines.getChildren().clear();
            for (int r = 0; r < rows.size(); r++) {
                lines.getChildren().add(line(id, r, rows, columns));
            }
            if (rows.isEmpty()) {
                Label none = new Label("None");
                none.getStyleClass().add(Styles.TEXT_MUTED);
                lines.getChildren().add(none);
            }
        };
        // redraw on add/remove only: cell edits go straight into the bound properties
        rows.addListener((javafx.collections.ListChangeListener<EditableRow>) c -> {
            boolean structural = false;
            while (c.next()) {
                structural |= c.wasAdded() || c.wasRemoved() || c.wasPermutated();
            }
            if (structural) {
                redraw.run();
            }
        });
        redraw.run();
        Button add = new Button(addText, new FontIcon(Feather.PLUS));
        add.setId(id + "Add");
        add.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        add.setOnAction(e -> rows.add(blank.get()));
        VBox box = new VBox(4, lines, add);
        box.setId(id);
        return box;
    }

    private static HBox line(String id, int r, ObservableList<EditableRow> rows, Column[] columns) {
        EditableRow row = rows.get(r);
        HBox line = new HBox(6);
        line.setAlignment(Pos.CENTER_LEFT);
        for (int c = 0; c < columns.length; c++) {
            Column col = columns[c];
            if (col.choices().isEmpty()) {
                TextField f = new TextField();
                f.setId(id + "-" + r + "-" + c);
                f.setPromptText(col.prompt());
                f.setPrefWidth(col.width());
                f.textProperty().bindBidirectional(row.cell(c));
                HBox.setHgrow(f, Priority.ALWAYS);
                line.getChildren().add(f);
            } else {
                ComboBox<String> box = new ComboBox<>();
                box.setId(id + "-" + r + "-" + c);
                box.getItems().setAll(col.choices());
                box.setPrefWidth(col.width());
                box.valueProperty().bindBidirectional(row.cell(c));
                line.getChildren().add(box);
            }
        }
        Button remove = new Button(null, new FontIcon(Feather.X));
        remove.setId(id + "-" + r + "-remove");
        remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.DANGER);
        remove.setOnAction(e -> rows.remove(row));
        line.getChildren().add(remove);
        return line;
    }
}
