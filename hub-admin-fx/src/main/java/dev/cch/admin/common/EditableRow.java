package dev.cch.admin.common;

import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Arrays;

/** One row of a small editable table (a model rule, a redirect, a header): a few text cells. */
public final class EditableRow {
    private final StringProperty[] cells;

    public EditableRow(String... values) {
        cells = Arrays.stream(values).map(v -> (StringProperty) new SimpleStringProperty(v == null ? "" : v))
                .toArray(StringProperty[]::new);
    }

    public StringProperty cell(int i) {
        return cells[i];
    }

    public String text(int i) {
        return cells[i].get() == null ? "" : cells[i].get().trim();
    }

    /** For list extractors: a change in any cell is a change of the list. */
    public Observable[] observables() {
        return cells;
    }
}
