package dev.cch.admin.prices;

import atlantafx.base.theme.Styles;
import dev.cch.admin.common.Banner;
import dev.cch.admin.common.Columns;
import dev.cch.admin.common.Formats;
import dev.cch.admin.common.FormGrid;
import dev.cch.protocol.admin.MissingPriceView;
import dev.cch.protocol.admin.PriceView;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.math.BigDecimal;
import java.util.List;

/** Searchable prices with an editor; sync with a progress bar; models that were used without a price. */
public final class PricesView {
    private final PricesViewModel vm;

    public PricesView(PricesViewModel vm) {
        this.vm = vm;
    }

    public Parent createView() {
        TextField search = field("priceSearch", vm.search, "Search models");
        search.setOnAction(e -> vm.load());
        HBox.setHgrow(search, Priority.ALWAYS);
        Button sync = new Button("Sync prices", new FontIcon(Feather.DOWNLOAD_CLOUD));
        sync.setId("syncPrices");
        sync.disableProperty().bind(vm.syncingProperty());
        sync.setOnAction(e -> vm.sync());
        Button add = new Button("New price", new FontIcon(Feather.PLUS));
        add.setId("newPrice");
        add.setOnAction(e -> vm.createNew());
        HBox tools = new HBox(8, search, add, sync);
        tools.setAlignment(Pos.CENTER_LEFT);
        ProgressBar progress = new ProgressBar();
        progress.setId("syncProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.visibleProperty().bind(vm.syncingProperty());
        progress.managedProperty().bind(progress.visibleProperty());

        TableView<PriceView> table = new TableView<>(vm.prices().items());
        table.setId("prices");
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE);
        table.setPlaceholder(new Label("No prices match."));
        table.getColumns().addAll(List.of(
                Columns.text("Model", PriceView::model, 200),
                Columns.text("Vendor", PriceView::vendor, 90),
                Columns.<PriceView, BigDecimal>number("Input", PriceView::inputPerMTok, Formats::usd, 80),
                Columns.<PriceView, BigDecimal>number("Output", PriceView::outputPerMTok, Formats::usd, 80),
                Columns.<PriceView, BigDecimal>number("Cache read", PriceView::cacheReadPerMTok, Formats::usd, 90),
                Columns.text("Source", PriceView::source, 70)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.prices().selectedProperty().set(now);
            }
        });
        vm.prices().selectedProperty().addListener((o, was, now) -> {
            if (now == null) {
                table.getSelectionModel().clearSelection();
            } else if (now != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(now);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        Button more = new Button("Load more", new FontIcon(Feather.CHEVRONS_DOWN));
        more.setId("morePrices");
        more.visibleProperty().bind(vm.moreProperty());
        more.managedProperty().bind(more.visibleProperty());
        more.setOnAction(e -> vm.loadMore());

        TableView<MissingPriceView> missing = new TableView<>(vm.missing());
        missing.setId("missingPrices");
        missing.setPrefHeight(150);
        missing.getStyleClass().add(Styles.DENSE);
        missing.setPlaceholder(new Label("Every requested model has a price."));
        missing.getColumns().addAll(List.of(
                Columns.text("Model without a price", MissingPriceView::model, 220),
                Columns.number("Requests", MissingPriceView::requests, String::valueOf, 80),
                Columns.text("Last seen", m -> Formats.moment(m.lastSeen()), 150)));
        missing.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        missing.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && missing.getSelectionModel().getSelectedItem() != null) {
                vm.priceMissing(missing.getSelectionModel().getSelectedItem());
            }
        });
        Label missingTitle = new Label("Requested without a price (double-click to price it)");
        missingTitle.getStyleClass().add(Styles.TEXT_BOLD);
        VBox left = new VBox(8, tools, progress, table, more, missingTitle, missing);

        SplitPane split = new SplitPane(left, editor());
        split.setDividerPositions(0.6);
        VBox.setVgrow(split, Priority.ALWAYS);
        return new VBox(10, split, Banner.of(vm.activity(), "pricesMessage"));
    }

    private Parent editor() {
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_4);
        title.textProperty().bind(vm.titleProperty());
        FormGrid f = new FormGrid()
                .field("Model", field("priceModel", vm.model, "claude-sonnet-4-5"), vm.errors().of("model"))
                .field("Vendor", field("priceVendor", vm.vendor, "anthropic"), vm.errors().of("vendor"))
                .field("Aliases", field("priceAliases", vm.aliases, "other names, comma-separated"))
                .section("USD per million tokens")
                .field("Input", field("priceInput", vm.input, "3"), vm.errors().of("inputPerMTok"))
                .field("Output", field("priceOutput", vm.output, "15"), vm.errors().of("outputPerMTok"))
                .field("Cache write 5 min", field("priceCacheWrite5m", vm.cacheWrite5m, "1.25 × input"), vm.errors().of("cacheWrite5mPerMTok"))
                .field("Cache write 1 h", field("priceCacheWrite1h", vm.cacheWrite1h, "2 × input"), vm.errors().of("cacheWrite1hPerMTok"))
                .field("Cache read", field("priceCacheRead", vm.cacheRead, "0.1 × input"), vm.errors().of("cacheReadPerMTok"))
                .section("Long context")
                .field("From tokens", field("priceLongThreshold", vm.longThreshold, "e.g. 200000"), vm.errors().of("longContextThreshold"))
                .field("Input above it", field("priceInputLong", vm.inputLong, ""), vm.errors().of("inputLongPerMTok"))
                .field("Output above it", field("priceOutputLong", vm.outputLong, ""), vm.errors().of("outputLongPerMTok"));
        Button save = new Button("Save price", new FontIcon(Feather.SAVE));
        save.setId("savePrice");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(vm.cannotSave());
        save.setOnAction(e -> vm.save());
        Button delete = new Button("Delete", new FontIcon(Feather.TRASH_2));
        delete.setId("deletePrice");
        delete.getStyleClass().add(Styles.DANGER);
        delete.disableProperty().bind(vm.prices().selectedProperty().isNull());
        delete.setOnAction(e -> vm.delete());
        f.field("", new HBox(8, save, delete));
        VBox box = new VBox(10, title, f.node());
        box.setPadding(new Insets(0, 12, 12, 12));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private static TextField field(String id, StringProperty p, String prompt) {
        TextField t = new TextField();
        t.setId(id);
        t.setPromptText(prompt);
        t.textProperty().bindBidirectional(p);
        return t;
    }
}
