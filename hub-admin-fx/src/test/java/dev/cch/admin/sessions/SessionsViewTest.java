package dev.cch.admin.sessions;

import dev.cch.admin.testing.FakeHubClient;
import dev.cch.admin.testing.ImmediateTaskRunner;
import dev.cch.admin.testing.Samples;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Clock;
import java.time.ZoneOffset;

import static dev.cch.admin.testing.FakeHubClient.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.api.FxAssert.verifyThat;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

@ExtendWith(ApplicationExtension.class)
class SessionsViewTest {
    final FakeHubClient hub = new FakeHubClient();
    final SessionsViewModel vm = new SessionsViewModel(hub, new ImmediateTaskRunner(), Clock.fixed(NOW, ZoneOffset.UTC), id -> { });

    @Start
    void start(Stage stage) {
        hub.sessions.add(Samples.session("sess-a", "alice", "primary"));
        stage.setScene(new Scene(new SessionsView(vm).createView(), 1200, 600));
        stage.show();
        vm.load();
    }

    @Test
    void showsHowLongEachSessionRunsAndEndsIt(FxRobot robot) {
        assertThat(robot.lookup("20m 0s").tryQuery()).isPresent();
        assertThat(robot.lookup("40s ago").tryQuery()).isPresent();
        assertThat(robot.lookup("#endSession").query().isDisabled()).isTrue();
        robot.clickOn("sess-a");
        robot.clickOn("#endSession");
        assertThat(robot.lookup("#sessions").queryAs(TableView.class).getItems()).isEmpty();
        verifyThat("#sessionsMessage", hasText("Ended session sess-a; its next request starts afresh."));
    }
}
