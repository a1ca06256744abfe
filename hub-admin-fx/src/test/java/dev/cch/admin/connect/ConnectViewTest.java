package dev.cch.admin.connect;

import dev.cch.admin.testing.FakeHubClient;
import dev.cch.admin.testing.ImmediateTaskRunner;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.testfx.api.FxAssert.verifyThat;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

/** The connect window, headless (Monocle): typing a token and pressing Connect shows the hub's health. */
@ExtendWith(ApplicationExtension.class)
class ConnectViewTest {

    @Start
    void start(Stage stage) {
        ConnectViewModel vm = new ConnectViewModel(new FakeHubClient(), new ImmediateTaskRunner());
        stage.setScene(new Scene(new ConnectView(vm).createView(), 560, 260));
        stage.show();
    }

    @Test
    void connectShowsHealth(FxRobot robot) {
        robot.clickOn("#adminToken").write("secret-token");
        robot.clickOn("#connect");
        verifyThat("#status", hasText("Connected to http://localhost:23000"));
        verifyThat("#health", hasText("Hub 0.1.0 is up · database up · stateStore local:up"));
    }

    @Test
    void wrongTokenIsExplained(FxRobot robot) {
        robot.clickOn("#adminToken").write("nope");
        robot.clickOn("#connect");
        verifyThat("#status", hasText("The server refused this admin token."));
    }
}
