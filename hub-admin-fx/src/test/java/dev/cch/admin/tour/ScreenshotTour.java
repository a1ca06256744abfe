package dev.cch.admin.tour;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.cch.admin.AdminApp;
import dev.cch.admin.Screens;
import dev.cch.admin.api.HttpHubClient;
import dev.cch.admin.connect.ConnectView;
import dev.cch.admin.connect.ConnectViewModel;
import dev.cch.admin.connect.ConnectionMemory;
import dev.cch.admin.live.LiveFeed;
import dev.cch.admin.shell.Section;
import dev.cch.admin.shell.ShellView;
import dev.cch.admin.shell.ShellViewModel;
import dev.cch.admin.tasks.FxTaskRunner;
import dev.cch.admin.testing.DemoHub;
import dev.cch.protocol.admin.RequestLogView;
import javafx.application.Application;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Renders every screen of the control panel against a real hub with demo traffic into PNG files
 * ({@code docs/screenshots/}). Opt-in: {@code hub-admin-fx/screenshots.sh} runs it with {@code -Dscreenshots=true}.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "screenshots", matches = "true")
class ScreenshotTour {
    private final Path out = Path.of(System.getProperty("screenshots.dir", "../docs/screenshots"));
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @Test
    void renderEveryScreen(FxRobot robot) throws Exception {
        Files.createDirectories(out);
        try (DemoHub hub = DemoHub.start()) {
            DemoData demo = DemoData.create(hub);
            shootConnect(robot, hub);
            HttpHubClient client = hub.admin();
            FxTaskRunner tasks = new FxTaskRunner();
            LiveFeed feed = new LiveFeed(client, tasks);
            SimpleBooleanProperty dark = new SimpleBooleanProperty();
            ShellViewModel shell = new ShellViewModel(client.serverUrl(), feed, dark);
            Screens screens = new Screens(client, tasks, feed, dark);
            WaitForAsyncUtils.asyncFx(() -> {
                Scene scene = new Scene(new ShellView(shell, screens.screens(shell)).createView(), 1440, 900);
                scene.getStylesheets().add(AdminApp.class.getResource("admin.css").toExternalForm());
                stage.setScene(scene);
                stage.show();
            }).get();
            feed.start();
            demo.traffic(Duration.ofSeconds(75));

            shoot(robot, shell, Section.DASHBOARD, "dashboard", null);
            shoot(robot, shell, Section.LEADERBOARDS, "leaderboards", null);
            shoot(robot, shell, Section.PROVIDERS, "providers", () -> {
                selectFirst(robot, "#providers");
                robot.lookup("#testConnection").tryQuery().ifPresent(b -> ((javafx.scene.control.Button) b).fire());
            });
            shoot(robot, shell, Section.PROVIDERS, "provider-routing", () -> tab(robot, "#providerTabs", 1));
            shoot(robot, shell, Section.USERS, "users", () -> selectFirst(robot, "#users"));
            shoot(robot, shell, Section.USERS, "user-usage", () -> tab(robot, "#userTabs", 1));
            shoot(robot, shell, Section.USERS, "user-keys", () -> {
                tab(robot, "#userTabs", 2);
                selectFirst(robot, "#keys");
            });
            shoot(robot, shell, Section.LOGS, "request-log", () -> selectFailover(robot));
            shoot(robot, shell, Section.SESSIONS, "sessions", null);
            shoot(robot, shell, Section.PRICES, "prices", () -> selectFirst(robot, "#prices"));
            shoot(robot, shell, Section.SETTINGS, "settings", null);
            shoot(robot, shell, Section.SETTINGS, "settings-error-rules", () -> tab(robot, "#settingsTabs", 2));
            shoot(robot, shell, Section.SETTINGS, "settings-notifications", () -> {
                tab(robot, "#settingsTabs", 3);
                selectFirst(robot, "#webhooks");
            });
            shoot(robot, shell, Section.AUDIT, "audit", () -> selectFirst(robot, "#audit"));
            WaitForAsyncUtils.asyncFx(() -> {
                dark.set(true);
                Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
            }).get();
            shoot(robot, shell, Section.DASHBOARD, "dashboard-dark", null);
            WaitForAsyncUtils.asyncFx(() -> {
                dark.set(false);
                Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            }).get();
            feed.stop();
        }
    }

    /** The connect screen right after a successful connect: the hub's version and health under the form. */
    private void shootConnect(FxRobot robot, DemoHub hub) throws Exception {
        java.util.prefs.Preferences prefs = java.util.prefs.Preferences.userRoot().node("cch-admin-tour");
        ConnectViewModel vm = new ConnectViewModel(new HttpHubClient(), new FxTaskRunner(),
                new ConnectionMemory(prefs, new dev.cch.admin.connect.EncryptedFileVault(
                        Files.createTempDirectory("cch-tour-home").resolve(".cch-admin"))));
        WaitForAsyncUtils.asyncFx(() -> {
            vm.serverUrlProperty().set(hub.baseUrl());
            vm.tokenProperty().set(DemoHub.ADMIN_TOKEN);
            Scene scene = new Scene(new ConnectView(vm).createView(), 1440, 900);
            scene.getStylesheets().add(AdminApp.class.getResource("admin.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            vm.connect();
        }).get();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> vm.connectedProperty().get());
        settle(robot);
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().getRoot().snapshot(null, null)).get();
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.resolve("connect.png").toFile());
        prefs.removeNode();
    }

    private void shoot(FxRobot robot, ShellViewModel shell, Section section, String name, Runnable arrange) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> shell.show(section)).get();
        settle(robot);
        if (arrange != null) {
            WaitForAsyncUtils.asyncFx(arrange).get();
            settle(robot);
        }
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().getRoot().snapshot(null, null)).get();
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.resolve(name + ".png").toFile());
    }

    /** Waits until no spinner turns (every call answered), then for the layout to catch up. */
    private static void settle(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup(n -> n instanceof ProgressIndicator
                && !(n instanceof ProgressBar) && n.isVisible() && n.getScene() != null).queryAll().isEmpty());
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private static void selectFirst(FxRobot robot, String table) {
        robot.lookup(table).tryQuery().ifPresent(n -> ((TableView<?>) n).getSelectionModel().selectFirst());
    }

    private static void tab(FxRobot robot, String tabs, int index) {
        robot.lookup(tabs).tryQuery().ifPresent(n -> ((TabPane) n).getSelectionModel().select(index));
    }

    @SuppressWarnings("unchecked")
    private static void selectFailover(FxRobot robot) {
        robot.lookup("#logs").tryQuery().ifPresent(n -> {
            TableView<RequestLogView> t = (TableView<RequestLogView>) n;
            t.getItems().stream().filter(r -> r.attempts() > 1).findFirst()
                    .ifPresentOrElse(r -> t.getSelectionModel().select(r), () -> t.getSelectionModel().selectFirst());
        });
    }

    static boolean visible(Node n) {
        return n.isVisible();
    }
}
