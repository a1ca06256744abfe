package dev.cch.admin.providers;

import atlantafx.base.theme.Styles;
import dev.cch.admin.common.Banner;
import dev.cch.admin.common.FormGrid;
import dev.cch.admin.common.LimitsPane;
import dev.cch.admin.common.RowTable;
import dev.cch.admin.common.RowTable.Column;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Every provider field in four tabs, each with its validation message; save and test connection below. */
public final class ProviderEditorView {
    private final ProviderEditorViewModel vm;

    public ProviderEditorView(ProviderEditorViewModel vm) {
        this.vm = vm;
    }

    public Parent createView() {
        Label title = new Label();
        title.setId("editorTitle");
        title.getStyleClass().add(Styles.TITLE_4);
        title.textProperty().bind(vm.titleProperty());

        TabPane tabs = new TabPane(
                tab("Connection", connection()),
                tab("Routing", routing()),
                tab("Limits", limits()),
                tab("Resilience", resilience()));
        tabs.setId("providerTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);

        Button save = new Button("Save", new FontIcon(Feather.SAVE));
        save.setId("saveProvider");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(vm.cannotSave());
        save.setOnAction(e -> vm.save());
        TextField model = field("testModel", vm.testModel, "model (optional)");
        model.setPrefColumnCount(14);
        Button test = new Button("Test connection", new FontIcon(Feather.ZAP));
        test.setId("testConnection");
        test.disableProperty().bind(vm.isNewProperty());
        test.setOnAction(e -> vm.testConnection());
        HBox actions = new HBox(8, save, test, model);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label result = new Label();
        result.setId("testResult");
        result.setWrapText(true);
        result.textProperty().bind(vm.testResultProperty());
        vm.testVerdictProperty().addListener((o, was, now) -> {
            result.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.DANGER);
            result.getStyleClass().add(switch (now) {
                case "ok" -> Styles.SUCCESS;
                case "slow", "rate_limited", "" -> Styles.WARNING;
                default -> Styles.DANGER;
            });
        });
        VBox root = new VBox(10, title, tabs, actions, result, Banner.of(vm.activity(), "providerMessage"));
        root.setPadding(new Insets(0, 0, 0, 8));
        return root;
    }

    private Parent connection() {
        FormGrid f = new FormGrid();
        ComboBox<String> type = new ComboBox<>();
        type.setId("type");
        type.getItems().setAll(ProviderEditorViewModel.TYPES);
        type.valueProperty().bindBidirectional(vm.type);
        PasswordField secret = new PasswordField();
        secret.setId("secret");
        secret.setPromptText("API key or token");
        secret.textProperty().bindBidirectional(vm.secret);
        CheckBox enabled = new CheckBox("Enabled");
        enabled.setId("enabled");
        enabled.selectedProperty().bindBidirectional(vm.enabled);
        CheckBox fallback = new CheckBox("Go direct when the proxy fails");
        fallback.setId("proxyFallback");
        fallback.selectedProperty().bindBidirectional(vm.proxyFallbackToDirect);
        f.field("Name", field("name", vm.name, "e.g. anthropic-main"), vm.errors().of("name"))
                .field("Type", type, vm.errors().of("type"))
                .field("Base URL", field("baseUrl", vm.baseUrl, "https://api.anthropic.com"), vm.errors().of("baseUrl"))
                .field("Secret", secret, vm.errors().of("secret"));
        Label hint = new Label();
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.textProperty().bind(vm.secretHintProperty());
        f.field("", hint)
                .field("Description", field("description", vm.description, ""), vm.errors().of("description"))
                .field("", enabled)
                .section("Network")
                .field("Proxy URL", field("proxyUrl", vm.proxyUrl, "http://, https://, socks5:// (optional)"),
                        vm.errors().of("proxyUrl"))
                .field("", fallback)
                .field("Custom headers", RowTable.of("headers", vm.headers, () -> new dev.cch.admin.common.EditableRow("", ""),
                        "Add header", Column.text("Header", 160), Column.text("Value", 220)), vm.errors().under("customHeaders."));
        return scroll(f);
    }

    private Parent routing() {
        FormGrid f = new FormGrid();
        CheckBox noReuse = new CheckBox("Do not keep coding sessions on this provider");
        noReuse.setId("disableSessionReuse");
        noReuse.selectedProperty().bindBidirectional(vm.disableSessionReuse);
        HBox window = new HBox(6, field("activeFrom", vm.activeFrom, "HH:mm"), new Label("to"),
                field("activeTo", vm.activeTo, "HH:mm"));
        window.setAlignment(Pos.CENTER_LEFT);
        f.field("Weight", field("weight", vm.weight, "0–100"), vm.errors().of("weight"))
                .field("Priority", field("priority", vm.priority, "lower is tried first"), vm.errors().of("priority"))
                .field("Cost multiplier", field("costMultiplier", vm.costMultiplier, "1"), vm.errors().of("costMultiplier"))
                .field("Groups", field("groups", vm.groups, "default, premium"), vm.errors().under("groupTags"))
                .note("Comma-separated provider groups this provider serves.")
                .field("Priority per group", RowTable.of("groupPriorities", vm.groupPriorities,
                        () -> new dev.cch.admin.common.EditableRow("", "0"), "Add group priority",
                        Column.text("Group", 160), Column.text("Priority", 90)), vm.errors().under("groupPriorities."))
                .section("Models")
                .field("Allowed models", RowTable.of("allowedModels", vm.allowedModels, vm::blankRule, "Add model rule",
                        new Column("match", 110, ProviderEditorViewModel.MATCHES), Column.text("Model or pattern", 240)),
                        vm.errors().under("allowedModels"))
                .note("Empty: every model. Otherwise only matching models are routed here.")
                .field("Redirects", RowTable.of("redirects", vm.redirects, vm::blankRedirect, "Add redirect",
                        new Column("match", 110, ProviderEditorViewModel.MATCHES), Column.text("Requested", 170),
                        Column.text("Sent as", 170)), vm.errors().under("modelRedirects"))
                .section("Failover and sessions")
                .field("Retry attempts", field("maxRetryAttempts", vm.maxRetryAttempts, "hub default"), vm.errors().of("maxRetryAttempts"))
                .field("Provider switches", field("maxSwitches", vm.maxSwitches, "hub default"), vm.errors().of("maxSwitches"))
                .field("", noReuse)
                .field("Active window", window, vm.errors().under("activeTime"))
                .note("Outside this daily window (hub time zone) the provider is skipped. Empty: always.");
        return scroll(f);
    }

    private Parent limits() {
        FormGrid f = new FormGrid();
        f.note("Spend of this provider across all users; blank means no limit.");
        LimitsPane.addTo(f, vm.limits, vm.errors(), "limits.", false, "provider");
        return scroll(f);
    }

    private Parent resilience() {
        FormGrid f = new FormGrid();
        f.section("Circuit breaker")
                .field("Failures to open", field("failureThreshold", vm.failureThreshold, "0 turns it off"),
                        vm.errors().of("breaker.failureThreshold"))
                .field("Open for (seconds)", field("openDuration", vm.openDurationSeconds, "1800"),
                        vm.errors().of("breaker.openDurationMs"))
                .field("Successes to close", field("halfOpenSuccesses", vm.halfOpenSuccesses, "2"),
                        vm.errors().of("breaker.halfOpenSuccesses"))
                .section("Timeouts (ms, 0 = none)")
                .field("Connect", field("connectMs", vm.connectMs, "30000"), vm.errors().of("timeouts.connectMs"))
                .field("First byte", field("firstByteMs", vm.firstByteMs, "0"), vm.errors().of("timeouts.firstByteMs"))
                .field("Stream idle", field("streamingIdleMs", vm.streamingIdleMs, "0"), vm.errors().of("timeouts.streamingIdleMs"))
                .field("Whole request", field("requestMs", vm.requestMs, "0"), vm.errors().of("timeouts.requestMs"));
        return scroll(f);
    }

    private static Tab tab(String name, Parent body) {
        return new Tab(name, body);
    }

    private static ScrollPane scroll(FormGrid f) {
        f.node().setPadding(new Insets(12, 12, 12, 4));
        ScrollPane s = new ScrollPane(f.node());
        s.setFitToWidth(true);
        return s;
    }

    private static TextField field(String id, StringProperty p, String prompt) {
        TextField t = new TextField();
        t.setId(id);
        t.setPromptText(prompt);
        t.textProperty().bindBidirectional(p);
        return t;
    }
}
