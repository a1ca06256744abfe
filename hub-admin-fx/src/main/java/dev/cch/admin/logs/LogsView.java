package dev.cch.admin.logs;

import atlantafx.base.theme.Styles;
import dev.cch.admin.common.Banner;
import dev.cch.admin.common.Columns;
import dev.cch.admin.common.Formats;
import dev.cch.protocol.admin.RequestLogView;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.util.List;

/** Filters above the request table; the selected request's summary, decision timeline and cost on the right. */
public final class LogsView {
    private final LogsViewModel vm;

    public LogsView(LogsViewModel vm) {
        this.vm = vm;
    }

    public Parent createView() {
        ComboBox<String> status = combo("filterStatus", LogsViewModel.STATUSES, vm.status, "any status");
        ComboBox<String> endpoint = combo("filterEndpoint", LogsViewModel.ENDPOINTS, vm.endpoint, "any endpoint");
        DatePicker from = new DatePicker();
        from.setId("filterFrom");
        from.setPromptText("from day");
        from.setPrefWidth(130);
        from.valueProperty().bindBidirectional(vm.from);
        DatePicker to = new DatePicker();
        to.setId("filterTo");
        to.setPromptText("to day");
        to.setPrefWidth(130);
        to.valueProperty().bindBidirectional(vm.to);
        Button search = new Button("Search", new FontIcon(Feather.SEARCH));
        search.setId("searchLogs");
        search.setDefaultButton(true);
        search.getStyleClass().add(Styles.ACCENT);
        search.setOnAction(e -> vm.search());
        Button clear = new Button("Clear", new FontIcon(Feather.X));
        clear.setId("clearFilters");
        clear.setOnAction(e -> vm.clearFilters());
        Button export = new Button("Export CSV", new FontIcon(Feather.DOWNLOAD));
        export.setId("exportLogs");
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("requests.csv");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
            File file = chooser.showSaveDialog(export.getScene().getWindow());
            if (file != null) {
                vm.export(file.toPath());
            }
        });
        FlowPane filters = new FlowPane(8, 8, text("filterUser", vm.userId, "user id", 80),
                text("filterKey", vm.keyId, "key id", 80), text("filterProvider", vm.providerId, "provider id", 100),
                text("filterModel", vm.model, "model", 150), status, endpoint, text("filterSession", vm.sessionId, "session", 120),
                from, to, search, clear, export);
        filters.setAlignment(Pos.CENTER_LEFT);

        TableView<RequestLogView> table = new TableView<>(vm.rows());
        table.setId("logs");
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE);
        table.setPlaceholder(new Label("Press Search to load the request log."));
        table.getColumns().addAll(List.of(
                Columns.text("Time", r -> Formats.clock(r.createdAt()), 78),
                Columns.text("User", r -> Formats.orDash(r.userName()), 60),
                Columns.text("Provider", r -> Formats.orDash(r.providerName()), 120),
                Columns.text("Model", r -> Formats.orDash(r.model()), 140),
                Columns.styled("Status", r -> Integer.toString(r.statusCode()),
                        r -> r.statusCode() >= 400 ? "state-open" : "state-closed", 64),
                Columns.number("Tokens", r -> r.tokens() == null ? 0L : r.tokens().total(), Formats::count, 68),
                Columns.number("Cost", r -> r.costUsd() == null ? java.math.BigDecimal.ZERO : r.costUsd(), Formats::usd, 78),
                Columns.number("Took", r -> r.durationMs() == null ? 0 : r.durationMs(), Formats::millis, 70)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.selectedProperty().set(now);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        Button more = new Button("Load more", new FontIcon(Feather.CHEVRONS_DOWN));
        more.setId("moreLogs");
        more.visibleProperty().bind(vm.moreProperty());
        more.managedProperty().bind(more.visibleProperty());
        more.setOnAction(e -> vm.loadMore());
        VBox left = new VBox(8, table, more);

        SplitPane split = new SplitPane(left, detail());
        split.setDividerPositions(0.63);
        VBox.setVgrow(split, Priority.ALWAYS);
        return new VBox(10, filters, split, Banner.of(vm.activity(), "logsMessage"));
    }

    private Parent detail() {
        Label summary = new Label();
        summary.setId("logSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        VBox steps = new VBox(2);
        steps.setId("timeline");
        vm.timeline().addListener((ListChangeListener<TimelineStep>) c -> {
            steps.getChildren().clear();
            vm.timeline().forEach(s -> steps.getChildren().add(step(s)));
        });
        GridPane cost = new GridPane();
        cost.setId("costBreakdown");
        cost.setHgap(16);
        cost.setVgap(3);
        vm.cost().addListener((ListChangeListener<String[]>) c -> {
            cost.getChildren().clear();
            for (int i = 0; i < vm.cost().size(); i++) {
                String[] line = vm.cost().get(i);
                Label value = new Label(line[1]);
                if ("Total".equals(line[0])) {
                    value.getStyleClass().add(Styles.TEXT_BOLD);
                }
                cost.addRow(i, new Label(line[0]), value);
            }
        });
        VBox box = new VBox(10, heading("Request"), summary, heading("Decision chain"), steps, heading("Cost"), cost);
        box.setPadding(new Insets(8, 12, 12, 12));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private static VBox step(TimelineStep s) {
        Label at = new Label(s.at());
        at.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        at.setMinWidth(70);
        Label title = new Label(s.title());
        title.getStyleClass().add(Styles.TEXT_BOLD);
        HBox head = new HBox(8, title, at);
        head.setAlignment(Pos.BASELINE_LEFT);
        Label detail = new Label(s.detail());
        detail.setWrapText(true);
        detail.getStyleClass().add(Styles.TEXT_SMALL);
        VBox box = new VBox(2, head, detail);
        box.getStyleClass().addAll("timeline-step", s.tone());
        return box;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TITLE_4);
        return l;
    }

    private static TextField text(String id, StringProperty p, String prompt, double width) {
        TextField t = new TextField();
        t.setId(id);
        t.setPromptText(prompt);
        t.setPrefWidth(width);
        t.textProperty().bindBidirectional(p);
        return t;
    }

    private static ComboBox<String> combo(String id, List<String> items, StringProperty p, String prompt) {
        ComboBox<String> c = new ComboBox<>();
        c.setId(id);
        c.getItems().setAll(items);
        c.setPromptText(prompt);
        // "" means no filter: show the prompt's words instead of a blank
        c.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null || s.isEmpty() ? prompt : s;
            }

            @Override
            public String fromString(String s) {
                return prompt.equals(s) ? "" : s;
            }
        });
        c.valueProperty().bindBidirectional(p);
        return c;
    }
}
