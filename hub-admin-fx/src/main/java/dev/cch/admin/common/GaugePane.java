package dev.cch.admin.common;

import atlantafx.base.theme.Styles;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;

/** Usage gauges as progress bars, coloured by how close each is to its limit. */
public final class GaugePane {
    private GaugePane() {
    }

    public static GridPane of(String id, ObservableList<Gauge> gauges) {
        GridPane grid = new GridPane();
        grid.setId(id);
        grid.setHgap(10);
        grid.setVgap(6);
        Runnable draw = () -> {
            grid.getChildren().clear();
            for (int i = 0; i < gauges.size(); i++) {
                Gauge g = gauges.get(i);
                Label name = new Label(g.name());
                name.setMinWidth(150);
                ProgressBar bar = new ProgressBar(g.fraction() < 0 ? 0 : Math.min(1, g.fraction()));
                bar.setPrefWidth(220);
                bar.getStyleClass().add(g.fraction() < 0 ? Styles.SMALL : g.level());
                bar.setDisable(g.fraction() < 0);
                Label figures = new Label(g.figures());
                figures.setId(id + "-" + i);
                figures.setMinWidth(190);
                Label resets = new Label(g.resets());
                resets.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
                grid.addRow(i, name, bar, figures, resets);
                GridPane.setValignment(bar, javafx.geometry.VPos.CENTER);
            }
            if (gauges.isEmpty()) {
                Label none = new Label("Select an entry to see its usage.");
                none.getStyleClass().add(Styles.TEXT_MUTED);
                grid.add(none, 0, 0);
            }
        };
        gauges.addListener((ListChangeListener<Gauge>) c -> draw.run());
        draw.run();
        grid.setAlignment(Pos.TOP_LEFT);
        return grid;
    }
}
