package dev.cch.admin.common;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** A labelled form: one row per field, the field's validation message under it in red. */
public final class FormGrid {
    private final GridPane grid = new GridPane();
    private int row;

    public FormGrid() {
        grid.setHgap(12);
        grid.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(150);
        labels.setHalignment(HPos.RIGHT);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
    }

    /** A field; {@code error} is the validation message ("" when valid). The error label gets id {@code id + "Error"}. */
    public FormGrid field(String label, Node control, ObservableStringValue error) {
        Label name = new Label(label);
        name.setLabelFor(control);
        GridPane.setValignment(name, VPos.TOP);
        GridPane.setMargin(name, new Insets(6, 0, 0, 0));
        grid.add(name, 0, row);
        grid.add(control, 1, row);
        row++;
        if (error != null) {
            Label message = new Label();
            message.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
            message.textProperty().bind(error);
            message.managedProperty().bind(message.textProperty().isNotEmpty());
            message.visibleProperty().bind(message.managedProperty());
            message.setWrapText(true);
            if (control.getId() != null) {
                message.setId(control.getId() + "Error");
            }
            grid.add(message, 1, row++);
        }
        return this;
    }

    public FormGrid field(String label, Node control) {
        return field(label, control, null);
    }

    /** A heading that starts a group of fields. */
    public FormGrid section(String title) {
        if (row > 0) {
            Separator s = new Separator();
            GridPane.setMargin(s, new Insets(8, 0, 4, 0));
            GridPane.setHalignment(s, HPos.LEFT);
            grid.add(s, 0, row++, 2, 1);
        }
        Label l = new Label(title);
        l.getStyleClass().add(Styles.TITLE_4);
        GridPane.setHalignment(l, HPos.LEFT);
        grid.add(l, 0, row++, 2, 1);
        return this;
    }

    /** A line of explanation spanning the form. */
    public FormGrid note(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        l.setWrapText(true);
        grid.add(l, 1, row++);
        return this;
    }

    public GridPane node() {
        return grid;
    }
}
