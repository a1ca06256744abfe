package dev.cch.admin.common;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.Property;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/** Inputs bound both ways to view-model properties, each with an id for tests. */
public final class Inputs {
    private Inputs() {
    }

    public static TextField text(String id, StringProperty p, String prompt) {
        TextField t = new TextField();
        t.setId(id);
        t.setPromptText(prompt);
        t.textProperty().bindBidirectional(p);
        return t;
    }

    public static CheckBox check(String id, String label, BooleanProperty p) {
        CheckBox c = new CheckBox(label);
        c.setId(id);
        c.selectedProperty().bindBidirectional(p);
        return c;
    }

    public static <T> ComboBox<T> choice(String id, List<T> items, Property<T> p) {
        ComboBox<T> c = new ComboBox<>();
        c.setId(id);
        c.getItems().setAll(items);
        c.setConverter(readable());
        c.valueProperty().bindBidirectional(p);
        return c;
    }

    /** Enum constants as the API spells them (contains, half-open), other values as they are. */
    public static <T> javafx.util.StringConverter<T> readable() {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(T v) {
                return v == null ? "" : v instanceof Enum<?> e ? e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                        : v.toString();
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    public static Button button(String id, String text, Ikon icon, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }
}
