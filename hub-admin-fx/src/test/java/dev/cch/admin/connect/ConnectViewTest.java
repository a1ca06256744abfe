package dev.cch.admin.connect;

import dev.cch.admin.testing.FakeHubClient;
import dev.cch.admin.testing.ImmediateTaskRunner;
import dev.cch.admin.testing.InMemoryVault;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.api.FxAssert.verifyThat;
import static org.testfx.matcher.control.LabeledMatchers.hasText;
import static org.testfx.matcher.base.NodeMatchers.isEnabled;
import static org.hamcrest.Matchers.not;

/** The connect window, headless (Monocle): typing a token and pressing Connect shows the hub's health. */
@ExtendWith(ApplicationExtension.class)
class ConnectViewTest {
    final Preferences prefs = Preferences.userRoot().node("cch-admin-test/" + UUID.randomUUID());
    final FakeHubClient hub = new FakeHubClient();
    ConnectViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new ConnectViewModel(hub, new ImmediateTaskRunner(), new ConnectionMemory(prefs, new InMemoryVault()));
        stage.setScene(new Scene(new ConnectView(vm).createView(), 640, 480));
        stage.show();
    }

    @AfterEach
    void cleanUp() throws BackingStoreException {
        prefs.removeNode();
    }

    @Test
    void connectShowsHealth(FxRobot robot) {
        robot.clickOn("#adminToken").write("secret-token");
        robot.clickOn("#connect");
        verifyThat("#status", hasText("Connected to http://localhost:23000"));
        verifyThat("#health", hasText("Hub 0.1.0 is up · database up · stateStore local:up"));
        assertThat(vm.connectedProperty().get()).isTrue();
    }

    @Test
    void wrongTokenIsExplainedInRed(FxRobot robot) {
        robot.clickOn("#adminToken").write("nope");
        robot.clickOn("#connect");
        verifyThat("#status", hasText("The server refused this admin token."));
        assertThat(robot.lookup("#status").query().getStyleClass()).contains("danger");
    }

    @Test
    void connectIsDisabledUntilATokenIsTyped(FxRobot robot) {
        verifyThat("#connect", not(isEnabled()));
        robot.clickOn("#adminToken").write("x");
        verifyThat("#connect", isEnabled());
    }
}
