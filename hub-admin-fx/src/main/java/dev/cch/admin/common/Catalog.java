package dev.cch.admin.common;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.function.ToLongFunction;

/** A list of things with ids as a screen shows it: the items, the selected one, and in-place replacement. */
public final class Catalog<V> {
    private final ToLongFunction<V> id;
    private final ObservableList<V> items = FXCollections.observableArrayList();
    private final ObjectProperty<V> selected = new SimpleObjectProperty<>();

    public Catalog(ToLongFunction<V> id) {
        this.id = id;
    }

    public void setAll(List<V> all) {
        Long keep = selected.get() == null ? null : id.applyAsLong(selected.get());
        items.setAll(all);
        selected.set(keep == null ? null : items.stream().filter(v -> id.applyAsLong(v) == keep).findFirst().orElse(null));
    }

    /** Puts a saved item in place of the one with its id (or at the end) and selects it. */
    public void put(V item) {
        for (int i = 0; i < items.size(); i++) {
            if (id.applyAsLong(items.get(i)) == id.applyAsLong(item)) {
                items.set(i, item);
                selected.set(item);
                return;
            }
        }
        items.add(item);
        selected.set(item);
    }

    public void remove(V item) {
        items.removeIf(v -> id.applyAsLong(v) == id.applyAsLong(item));
        if (selected.get() != null && id.applyAsLong(selected.get()) == id.applyAsLong(item)) {
            selected.set(null);
        }
    }

    public ObservableList<V> items() {
        return items;
    }

    public ObjectProperty<V> selectedProperty() {
        return selected;
    }
}
