package dev.cch.admin.dashboard;

import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/** Mirrors the view-model's samples into chart data point by point, so the charts move without being rebuilt. */
final class RollingChart {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private RollingChart() {
    }

    static LineChart<Number, Number> requestsPerSecond(ObservableList<DashboardViewModel.Sample> samples) {
        NumberAxis x = new NumberAxis();
        x.setAutoRanging(false);
        x.setTickUnit(120);
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return HH_MM.format(Instant.ofEpochSecond(n.longValue()));
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        NumberAxis y = new NumberAxis();
        y.setLabel("requests / s");
        y.setForceZeroInRange(true);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        chart.getData().add(series);
        samples.forEach(s -> series.getData().add(point(s)));
        range(x, samples);
        samples.addListener((ListChangeListener<DashboardViewModel.Sample>) c -> {
            while (c.next()) {
                if (c.wasRemoved()) {
                    series.getData().remove(c.getFrom(), c.getFrom() + c.getRemovedSize());
                }
                if (c.wasAdded()) {
                    series.getData().addAll(c.getFrom(), c.getAddedSubList().stream().map(RollingChart::point).toList());
                }
            }
            range(x, samples);
        });
        return chart;
    }

    /** Horizontal bars, one per provider, so long provider names stay readable. */
    static BarChart<Number, String> perProvider(ObservableMap<String, Long> perProvider) {
        NumberAxis x = new NumberAxis();
        x.setForceZeroInRange(true);
        CategoryAxis y = new CategoryAxis();
        BarChart<Number, String> chart = new BarChart<>(x, y);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        chart.getData().add(series);
        Map<String, XYChart.Data<Number, String>> bars = new HashMap<>();
        perProvider.forEach((k, v) -> put(series, bars, k, v));
        perProvider.addListener((MapChangeListener<String, Long>) c -> {
            if (c.wasAdded()) {
                put(series, bars, c.getKey(), c.getValueAdded());
            } else if (c.wasRemoved()) {
                series.getData().remove(bars.remove(c.getKey()));
            }
        });
        return chart;
    }

    private static void put(XYChart.Series<Number, String> series, Map<String, XYChart.Data<Number, String>> bars,
                            String key, Long value) {
        XYChart.Data<Number, String> bar = bars.get(key);
        if (bar == null) {
            bar = new XYChart.Data<>(value, key);
            bars.put(key, bar);
            series.getData().add(bar);
        } else {
            bar.setXValue(value);
        }
    }

    private static XYChart.Data<Number, Number> point(DashboardViewModel.Sample s) {
        return new XYChart.Data<>(s.at().getEpochSecond(), s.requestsPerSecond());
    }

    private static void range(NumberAxis x, ObservableList<DashboardViewModel.Sample> samples) {
        long upper = samples.isEmpty() ? Instant.now().getEpochSecond() : samples.getLast().at().getEpochSecond();
        x.setUpperBound(upper);
        x.setLowerBound(upper - DashboardViewModel.WINDOW.toSeconds());
    }
}
