package dev.cch.admin.providers;

import dev.cch.admin.live.LiveFeed;
import dev.cch.admin.testing.FakeHubClient;
import dev.cch.admin.testing.ImmediateTaskRunner;
import dev.cch.admin.testing.Samples;
import dev.cch.protocol.admin.LiveEvent;
import dev.cch.protocol.admin.ProviderRequest;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.time.ZoneOffset;

import static dev.cch.admin.testing.FakeHubClient.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.api.FxAssert.verifyThat;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

@ExtendWith(ApplicationExtension.class)
class ProvidersViewTest {
    final FakeHubClient hub = new FakeHubClient();
    final ImmediateTaskRunner tasks = new ImmediateTaskRunner();
    final LiveFeed feed = new LiveFeed(hub, tasks);
    final ProvidersViewModel vm = new ProvidersViewModel(hub, tasks, feed, Clock.fixed(NOW, ZoneOffset.UTC));
    long primary;

    @Start
    void start(Stage stage) throws Exception {
        primary = hub.createProvider(ProviderRequest.of("primary", "claude", "https://a.test", "sk-1111")).id();
        hub.breakers.put(primary, Samples.breaker(primary, "primary", "open", 5));
        stage.setScene(new Scene(new ProvidersView(vm).createView(), 1300, 800));
        stage.show();
        vm.load();
    }

    static void waitUntil(java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("the screen did not change in time", e);
        }
    }

    @Test
    void anOpenBreakerIsRedAndResetTurnsItGreen(FxRobot robot) {
        robot.clickOn("primary");
        assertThat(robot.lookup(".state-open").tryQuery()).isPresent();
        robot.clickOn("#resetBreaker");
        waitUntil(() -> robot.lookup(".state-open").tryQuery().isEmpty());
        assertThat(robot.lookup(".state-closed").tryQuery()).isPresent();
        verifyThat("#providersMessage", hasText("Breaker of primary closed."));
    }

    @Test
    void aLiveEventOpensTheBreakerOnScreen(FxRobot robot) {
        hub.breakers.put(primary, Samples.breaker(primary, "primary", "closed", 0));
        robot.interact(vm::load);
        waitUntil(() -> robot.lookup(".state-open").tryQuery().isEmpty());
        robot.interact(() -> feed.accept("1", new LiveEvent.Breaker(NOW, primary, "primary", "open", 5, NOW.plusSeconds(60))));
        waitUntil(() -> robot.lookup(".state-open").tryQuery().isPresent());
        assertThat(vm.rows().getFirst().failures()).isEqualTo("5 / 5");
    }

    @Test
    void typingABadUrlShowsTheRuleAndDisablesSave(FxRobot robot) {
        robot.clickOn("primary");
        robot.doubleClickOn("#baseUrl").eraseText(20).write("nonsense");
        verifyThat("#baseUrlError", hasText("must start with http://, https://"));
        assertThat(robot.lookup("#saveProvider").query().isDisabled()).isTrue();
        robot.interact(() -> vm.editor().baseUrl.set("https://fixed.test"));
        assertThat(robot.lookup("#saveProvider").query().isDisabled()).isFalse();
        robot.clickOn("#saveProvider");
        assertThat(hub.providers.get(primary).baseUrl()).isEqualTo("https://fixed.test");
    }

    @Test
    void addingAProviderThroughTheFormPutsItInTheTable(FxRobot robot) {
        robot.clickOn("#newProvider");
        robot.clickOn("#name").write("backup");
        robot.clickOn("#baseUrl").write("https://b.test");
        robot.clickOn("#secret").write("sk-9999");
        robot.clickOn("#saveProvider");
        TableView<?> table = robot.lookup("#providers").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(2);
        verifyThat("#providerMessage", hasText("Created backup."));
    }

    @Test
    void testConnectionShowsTheResult(FxRobot robot) {
        robot.clickOn("primary");
        robot.clickOn("#testConnection");
        verifyThat("#testResult", hasText("Works · 412 ms · HTTP 200 · claude-haiku-4-5 — Answered"));
    }

    @Test
    void everyTabOfTheEditorOpens(FxRobot robot) {
        robot.clickOn("primary");
        for (String tab : new String[]{"Routing", "Limits", "Resilience", "Connection"}) {
            robot.clickOn(tab);
        }
        robot.clickOn("Routing");
        robot.clickOn("#allowedModelsAdd");
        assertThat(vm.editor().allowedModels).hasSize(1);
        verifyThat("#allowedModelsError", hasText("[0].pattern is required"));
    }
}
