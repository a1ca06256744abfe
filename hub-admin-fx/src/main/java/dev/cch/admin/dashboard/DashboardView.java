package dev.cch.admin.dashboard;

import atlantafx.base.theme.Styles;
import dev.cch.admin.common.Banner;
import dev.cch.admin.common.Columns;
import dev.cch.admin.common.Formats;
import dev.cch.protocol.admin.LiveEvent;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Tiles with the headline numbers, the rolling chart, the per-provider bars and the latest requests. */
public final class DashboardView {
    private final DashboardViewModel vm;

    public DashboardView(DashboardViewModel vm) {
        this.vm = vm;
    }

    public Parent createView() {
        GridPane tiles = new GridPane();
        tiles.setHgap(12);
        tiles.setVgap(12);
        for (int i = 0; i < 6; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / 6);
            tiles.getColumnConstraints().add(c);
        }
        tiles.addRow(0,
                tile("rps", "Requests / s", Feather.ZAP, vm.requestsPerSecondProperty(), vm.requestsPerSecondMinuteProperty()),
                tile("tokens", "Tokens today", Feather.HASH, vm.tokensTodayProperty(), vm.requestsTodayProperty()),
                tile("cost", "Cost today", Feather.DOLLAR_SIGN, vm.costTodayProperty(), vm.costYesterdayProperty()),
                tile("sessions", "Active sessions", Feather.TERMINAL, vm.activeSessionsProperty(), vm.activeStreamsProperty()),
                tile("errors", "Error rate", Feather.ALERT_OCTAGON, vm.errorRateProperty(), null),
                tile("latency", "Latency (p50)", Feather.CLOCK, vm.latencyProperty(), vm.latencyDetailProperty()));

        VBox rolling = panel("Requests per second, last 15 minutes", RollingChart.requestsPerSecond(vm.samples()));
        VBox providers = panel("Requests per provider, last minute", RollingChart.perProvider(vm.perProvider()));
        HBox charts = new HBox(12, rolling, providers);
        HBox.setHgrow(rolling, Priority.ALWAYS);
        rolling.setPrefWidth(640);
        providers.setPrefWidth(380);
        charts.setPrefHeight(300);

        TableView<LiveEvent.Request> recent = new TableView<>(vm.recent());
        recent.setId("recentRequests");
        recent.setPlaceholder(new Label("Requests appear here as they finish."));
        recent.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        recent.getColumns().addAll(java.util.List.of(
                Columns.text("Time", r -> Formats.clock(r.at()), 84),
                Columns.text("User", r -> Formats.orDash(r.userName()), 70),
                Columns.text("Provider", r -> Formats.orDash(r.providerName()), 125),
                Columns.text("Model", r -> Formats.orDash(r.model()), 145),
                Columns.styled("Status", r -> Integer.toString(r.status()), r -> r.status() >= 400 ? "state-open" : "state-closed", 64),
                Columns.text("Tokens", r -> Formats.count(r.inputTokens() + r.outputTokens() + r.cacheReadTokens()
                        + r.cacheWriteTokens()), 70),
                Columns.text("Cost", r -> Formats.usd(r.costUsd()), 80),
                Columns.text("Took", r -> Formats.millis(r.durationMs()), 80)));
        recent.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        ListView<String> alerts = new ListView<>(vm.alerts());
        alerts.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            {
                setWrapText(true);
                prefWidthProperty().bind(list.widthProperty().subtract(24));
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        alerts.setId("alerts");
        alerts.setPlaceholder(new Label("No breaker or limit alerts."));
        VBox recentPanel = panel("Latest requests", recent);
        VBox alertPanel = panel("Alerts", alerts);
        HBox lower = new HBox(12, recentPanel, alertPanel);
        HBox.setHgrow(recentPanel, Priority.ALWAYS);
        alertPanel.setPrefWidth(380);
        VBox.setVgrow(lower, Priority.ALWAYS);

        VBox root = new VBox(12, tiles, charts, lower, Banner.of(vm.activity(), "dashboardMessage"));
        root.setPadding(new Insets(4, 0, 0, 0));
        return root;
    }

    private static VBox tile(String id, String title, Ikon icon, ObservableStringValue value, ObservableStringValue detail) {
        Label name = new Label(title, new FontIcon(icon));
        name.getStyleClass().add(Styles.TEXT_MUTED);
        Label number = new Label();
        number.setId(id);
        number.getStyleClass().add(Styles.TITLE_2);
        number.textProperty().bind(value);
        Label more = new Label();
        more.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        if (detail != null) {
            more.textProperty().bind(detail);
        }
        VBox box = new VBox(4, name, number, more);
        box.getStyleClass().add("tile");
        box.setPadding(new Insets(12, 14, 12, 14));
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    static VBox panel(String title, javafx.scene.Node body) {
        Label t = new Label(title);
        t.getStyleClass().add(Styles.TEXT_BOLD);
        VBox box = new VBox(8, t, body);
        VBox.setVgrow(body, Priority.ALWAYS);
        box.getStyleClass().add("panel");
        box.setPadding(new Insets(10, 12, 10, 12));
        return box;
    }
}
