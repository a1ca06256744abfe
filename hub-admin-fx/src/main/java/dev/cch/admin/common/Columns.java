package dev.cch.admin.common;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

import java.util.Comparator;
import java.util.function.Function;

/** Table columns of read-only rows: text, and numbers that sort by value but show formatted. */
public final class Columns {
    private Columns() {
    }

    public static <S> TableColumn<S, String> text(String title, Function<S, String> value, double width) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(width * 0.8);
        return c;
    }

    /** A number column: sorted by {@code value}, shown as {@code shown}, right-aligned. */
    public static <S, N extends Comparable<N>> TableColumn<S, N> number(String title, Function<S, N> value,
                                                                       Function<N, String> shown, double width) {
        TableColumn<S, N> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(N item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? "—" : shown.apply(item));
            }
        });
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        c.setPrefWidth(width);
        c.setMinWidth(width * 0.8);
        return c;
    }

    /** A text column whose cell gets a style class chosen from the row (e.g. a coloured state). */
    public static <S> TableColumn<S, S> styled(String title, Function<S, String> text, Function<S, String> styleClass,
                                              double width) {
        TableColumn<S, S> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        c.setSortable(false);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(S item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeIf(s -> s.startsWith("state-"));
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                setText(text.apply(item));
                String style = styleClass.apply(item);
                if (style != null) {
                    getStyleClass().add(style);
                }
            }
        });
        c.setPrefWidth(width);
        c.setStyle("-fx-alignment: CENTER-LEFT;");
        return c;
    }

    static Pos right() {
        return Pos.CENTER_RIGHT;
    }
}
