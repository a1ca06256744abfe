package dev.cch.admin.leaderboard;

import atlantafx.base.theme.Styles;
import dev.cch.admin.common.Banner;
import dev.cch.admin.common.Columns;
import dev.cch.admin.common.Formats;
import dev.cch.protocol.admin.LeaderboardView.Row;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.math.BigDecimal;
import java.util.List;

/** Subject and period pickers over a sortable table (most expensive first until a header is clicked). */
public final class LeaderboardView {
    private final LeaderboardViewModel vm;

    public LeaderboardView(LeaderboardViewModel vm) {
        this.vm = vm;
    }

    public Parent createView() {
        HBox subjects = new HBox();
        ToggleGroup group = new ToggleGroup();
        List<String> names = LeaderboardViewModel.SUBJECTS;
        for (int i = 0; i < names.size(); i++) {
            String s = names.get(i);
            ToggleButton b = new ToggleButton(Character.toUpperCase(s.charAt(0)) + s.substring(1) + "s");
            b.setId("by-" + s);
            b.setToggleGroup(group);
            b.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == names.size() - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            b.setSelected(s.equals(vm.byProperty().get()));
            b.setOnAction(e -> {
                b.setSelected(true);
                vm.byProperty().set(s);
            });
            subjects.getChildren().add(b);
        }
        ComboBox<String> period = new ComboBox<>();
        period.setId("period");
        period.getItems().setAll(LeaderboardViewModel.PERIODS);
        period.valueProperty().bindBidirectional(vm.periodProperty());
        DatePicker from = new DatePicker();
        from.setId("from");
        from.valueProperty().bindBidirectional(vm.fromProperty());
        DatePicker to = new DatePicker();
        to.setId("to");
        to.valueProperty().bindBidirectional(vm.toProperty());
        Button apply = new Button("Show", new FontIcon(Feather.REFRESH_CW));
        apply.setId("refresh");
        apply.setOnAction(e -> vm.load());
        HBox custom = new HBox(6, new Label("from"), from, new Label("to"), to);
        custom.setId("customRange");
        custom.setAlignment(Pos.CENTER_LEFT);
        custom.visibleProperty().bind(vm.periodProperty().isEqualTo("custom"));
        custom.managedProperty().bind(custom.visibleProperty());
        HBox bar = new HBox(12, subjects, period, custom, apply);
        bar.setAlignment(Pos.CENTER_LEFT);

        TableView<Row> table = new TableView<>();
        table.setId("leaderboard");
        table.getStyleClass().add(Styles.STRIPED);
        table.setPlaceholder(new Label("No traffic in this period."));
        table.getColumns().addAll(List.of(
                Columns.text("Name", r -> Formats.orDash(r.name()), 220),
                Columns.number("Requests", r -> r.figures().requests(), n -> String.format("%,d", n), 100),
                Columns.number("Tokens", r -> r.figures().totalTokens(), Formats::count, 100),
                Columns.<Row, BigDecimal>number("Cost", r -> r.figures().costUsd(), Formats::usd, 110),
                Columns.number("Cache hits", Row::cacheHitRate, Formats::percent, 100),
                Columns.number("Error rate", r -> r.figures().errorRate(), Formats::percent, 100),
                Columns.number("Avg latency", r -> r.figures().avgLatencyMs() == null ? 0.0 : r.figures().avgLatencyMs(),
                        Formats::millis, 110)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        SortedList<Row> sorted = new SortedList<>(vm.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        VBox.setVgrow(table, Priority.ALWAYS);

        Label caption = new Label();
        caption.setId("caption");
        caption.getStyleClass().add(Styles.TEXT_MUTED);
        caption.textProperty().bind(vm.captionProperty());
        return new VBox(10, bar, caption, table, Banner.of(vm.activity(), "leaderboardMessage"));
    }
}
