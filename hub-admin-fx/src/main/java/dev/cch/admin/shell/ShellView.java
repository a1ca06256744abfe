package dev.cch.admin.shell;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import dev.cch.admin.live.LiveFeed;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The window frame: navigation on the left, the current screen in the middle, the live status on top. */
public final class ShellView {
    private static final Map<Section, Ikon> ICONS = new EnumMap<>(Map.of(
            Section.DASHBOARD, Feather.ACTIVITY, Section.LEADERBOARDS, Feather.AWARD, Section.PROVIDERS, Feather.SERVER,
            Section.USERS, Feather.USERS, Section.LOGS, Feather.LIST, Section.SESSIONS, Feather.TERMINAL,
            Section.PRICES, Feather.DOLLAR_SIGN, Section.SETTINGS, Feather.SLIDERS, Section.AUDIT, Feather.SHIELD));

    private final ShellViewModel vm;
    private final Map<Section, Screen> screens = new EnumMap<>(Section.class);
    private final Map<Section, Parent> built = new EnumMap<>(Section.class);

    public ShellView(ShellViewModel vm, List<Screen> screens) {
        this.vm = vm;
        screens.forEach(s -> this.screens.put(s.section(), s));
    }

    public Parent createView() {
        VBox nav = new VBox(2);
        nav.setId("navigation");
        nav.setPadding(new Insets(12, 8, 12, 8));
        nav.setPrefWidth(220);
        nav.setMinWidth(220);
        nav.getStyleClass().add("navigation");
        Label brand = new Label("Claude Code Hub", new FontIcon(Feather.CPU));
        brand.getStyleClass().addAll(Styles.TEXT_BOLD, "brand");
        brand.setPadding(new Insets(4, 8, 16, 8));
        nav.getChildren().add(brand);
        ToggleGroup group = new ToggleGroup();
        for (Section s : Section.values()) {
            if (!screens.containsKey(s)) {
                continue;
            }
            ToggleButton b = new ToggleButton(s.title(), new FontIcon(ICONS.get(s)));
            b.setId("nav-" + s.name().toLowerCase());
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.getStyleClass().add(Styles.FLAT);
            b.setSelected(vm.sectionProperty().get() == s);
            b.setOnAction(e -> {
                b.setSelected(true);
                vm.show(s);
            });
            vm.sectionProperty().addListener((o, was, now) -> b.setSelected(now == s));
            nav.getChildren().add(b);
        }
        Region fill = new Region();
        VBox.setVgrow(fill, Priority.ALWAYS);
        Label server = new Label(vm.serverUrl(), new FontIcon(Feather.LINK));
        server.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        server.setWrapText(true);
        ToggleSwitch dark = new ToggleSwitch("Dark theme");
        dark.setId("darkTheme");
        dark.selectedProperty().bindBidirectional(vm.darkProperty());
        nav.getChildren().addAll(fill, dark, server);

        Label title = new Label();
        title.setId("screenTitle");
        title.getStyleClass().add(Styles.TITLE_3);
        title.textProperty().bind(vm.sectionProperty().map(Section::title));
        Label live = new Label();
        live.setId("liveStatus");
        live.textProperty().bind(vm.liveStatusProperty());
        FontIcon dot = new FontIcon(Feather.RADIO);
        live.setGraphic(dot);
        vm.liveStateProperty().addListener((o, was, now) -> styleLive(live, now));
        styleLive(live, vm.liveStateProperty().get());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(12, title, gap, live);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(12, 20, 8, 20));

        StackPane content = new StackPane();
        content.setId("content");
        content.setPadding(new Insets(4, 20, 16, 20));
        vm.sectionProperty().addListener((o, was, now) -> show(content, now));
        show(content, vm.sectionProperty().get());

        BorderPane main = new BorderPane(content);
        main.setTop(header);
        BorderPane root = new BorderPane(main);
        root.setLeft(nav);
        root.getStyleClass().add("shell");
        return root;
    }

    private void show(StackPane content, Section s) {
        Screen screen = screens.get(s);
        if (screen == null) {
            return;
        }
        Node view = built.computeIfAbsent(s, k -> screen.view().get());
        content.getChildren().setAll(view);
        screen.onShow().run();
    }

    private static void styleLive(Label live, LiveFeed.State state) {
        live.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.TEXT_MUTED);
        live.getStyleClass().add(switch (state) {
            case LIVE -> Styles.SUCCESS;
            case CONNECTING, RECONNECTING -> Styles.WARNING;
            case STOPPED -> Styles.TEXT_MUTED;
        });
    }
}
