package dev.cch.admin;

import dev.cch.admin.api.HttpHubClient;
import dev.cch.admin.connect.ConnectView;
import dev.cch.admin.connect.ConnectViewModel;
import dev.cch.admin.connect.ConnectionMemory;
import dev.cch.admin.live.LiveFeed;
import dev.cch.admin.tasks.FxTaskRunner;
import dev.cch.admin.testing.DemoHub;
import dev.cch.admin.testing.InMemoryVault;
import dev.cch.protocol.admin.BreakerSettings;
import dev.cch.protocol.admin.BreakerView;
import dev.cch.protocol.admin.KeyRequest;
import dev.cch.protocol.admin.ProviderRequest;
import dev.cch.protocol.admin.UserRequest;
import dev.cch.testkit.Behaviour;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The desktop client against a real hub (embedded defaults) with traffic through a fake upstream: log in through
 * the connect screen, watch the dashboard move, edit a provider and see the hub keep it, open a breaker with
 * failing traffic and close it from the providers screen.
 */
@ExtendWith(ApplicationExtension.class)
class EndToEndTest {
    static DemoHub hub;
    static HttpHubClient admin;
    static String key;
    static long providerId;

    final Preferences prefs = Preferences.userRoot().node("cch-admin-test/" + UUID.randomUUID());
    final HttpHubClient client = new HttpHubClient();
    final FxTaskRunner tasks = new FxTaskRunner();
    LiveFeed feed;

    @BeforeAll
    static void startHub() throws Exception {
        hub = DemoHub.start();
        admin = hub.admin();
        long user = admin.createUser(UserRequest.named("erin")).id();
        key = admin.createKey(KeyRequest.forUser(user, "erin-laptop")).secret();
        ProviderRequest p = ProviderRequest.of("e2e-up", "claude", hub.upstream("e2e-up").baseUrl(), "sk-ant-e2e-0000000000");
        providerId = admin.createProvider(new ProviderRequest(p.name(), p.description(), p.type(), p.baseUrl(), p.secret(),
                p.enabled(), p.weight(), p.priority(), p.groupTags(), p.groupPriorities(), p.costMultiplier(),
                p.allowedModels(), p.modelRedirects(), p.proxyUrl(), p.proxyFallbackToDirect(), p.customHeaders(),
                p.limits(), 1, 0, new BreakerSettings(2, 600_000L, 1), p.timeouts(), null, null, null)).id();
    }

    @AfterAll
    static void stopHub() {
        if (hub != null) {
            hub.close();
        }
    }

    @AfterEach
    void stopFeed() throws Exception {
        if (feed != null) {
            feed.stop();
        }
        prefs.removeNode();
    }

    @Start
    void start(Stage stage) {
        ConnectViewModel connect = new ConnectViewModel(client, tasks, new ConnectionMemory(prefs, new InMemoryVault()));
        Scene scene = new Scene(new ConnectView(connect).createView(), 1440, 900);
        connect.connectedProperty().addListener((o, was, now) -> {
            if (now) {
                feed = new LiveFeed(client, tasks);
                scene.setRoot(new Screens(client, tasks, feed, new SimpleBooleanProperty()).shell());
                feed.start();
            }
        });
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void anAdminConnectsWatchesTrafficEditsAProviderAndResetsItsBreaker(FxRobot robot) throws Exception {
        robot.doubleClickOn("#serverUrl").eraseText(40).write(hub.baseUrl());
        robot.clickOn("#adminToken").write(DemoHub.ADMIN_TOKEN);
        robot.clickOn("#connect");
        waitUntil(Duration.ofSeconds(20), () -> robot.lookup("#navigation").tryQuery().isPresent());
        assertThat(admin.audit(new dev.cch.admin.api.AuditFilter("admin.login", null, null), null, 10).items())
                .as("connecting records the login").isNotEmpty();

        // dashboard: live numbers move while traffic flows
        AtomicBoolean flowing = new AtomicBoolean(true);
        Thread traffic = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 400 && flowing.get(); i++) {
                hub.send(key, "claude-sonnet-4-5", "e2e-session-1");
            }
        });
        try {
            waitUntil(Duration.ofSeconds(30), () -> number(robot, "#rps") > 0
                    && !robot.lookup("#recentRequests").queryAs(TableView.class).getItems().isEmpty());
            waitUntil(Duration.ofSeconds(30), () -> !text(robot, "#tokens").equals("—") && !text(robot, "#tokens").equals("0"));
        } finally {
            flowing.set(false);
            traffic.join();
        }
        assertThat(text(robot, "#liveStatus")).isEqualTo("Live");

        // providers: an edit made in the form round-trips through the hub
        robot.clickOn("#nav-providers");
        waitUntil(Duration.ofSeconds(10), () -> robot.lookup("#providers .table-cell").match(hasText("e2e-up")).tryQuery().isPresent());
        robot.clickOn((Node) robot.lookup("#providers .table-cell").match(hasText("e2e-up")).query());
        robot.clickOn("Routing");
        robot.doubleClickOn("#weight").eraseText(5).write("7");
        robot.clickOn("#saveProvider");
        waitUntil(Duration.ofSeconds(10), () -> !text(robot, "#providerMessage").isEmpty());
        assertThat(text(robot, "#providerMessage")).as("editor %s, weight %s", text(robot, "#editorTitle"),
                robot.lookup("#weight").queryTextInputControl().getText()).isEqualTo("Saved e2e-up.");
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.providers(null, 50).items().getFirst().weight() == 7);
        waitUntil(Duration.ofSeconds(5), () -> text(robot, "#providerMessage").equals("Saved e2e-up."));

        // breakers: failing traffic opens it; the reset button closes it on the hub
        hub.upstream("e2e-up").defaultBehaviour(Behaviour.status(500));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            hub.send(key, "claude-sonnet-4-5", "e2e-session-2");
            return breaker().state().equals("open");
        });
        hub.upstream("e2e-up").defaultBehaviour(Behaviour.ok());
        waitUntil(Duration.ofSeconds(10), () -> robot.lookup(".state-open").tryQuery().isPresent());
        robot.clickOn("#resetBreaker");
        await().atMost(Duration.ofSeconds(10)).until(() -> breaker().state().equals("closed"));
        waitUntil(Duration.ofSeconds(10), () -> robot.lookup(".state-open").tryQuery().isEmpty()
                && robot.lookup(".state-closed").tryQuery().isPresent());
        assertThat(hub.send(key, "claude-sonnet-4-5", "e2e-session-3")).isEqualTo(200);
    }

    private static BreakerView breaker() throws Exception {
        return admin.breakers().stream().filter(b -> b.providerId() == providerId).findFirst().orElseThrow();
    }

    private static java.util.function.Predicate<Node> hasText(String text) {
        return n -> n instanceof Labeled l && text.equals(l.getText());
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static double number(FxRobot robot, String query) {
        try {
            return Double.parseDouble(text(robot, query));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void waitUntil(Duration timeout, Callable<Boolean> condition) {
        try {
            // the condition reads controls and their item lists: on the FX thread, never while it is changing them
            WaitForAsyncUtils.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS,
                    () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            throw new AssertionError("the desktop client did not show it within " + timeout, e);
        }
    }
}
