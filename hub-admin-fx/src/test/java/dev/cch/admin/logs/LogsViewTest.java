package dev.cch.admin.logs;

import dev.cch.admin.testing.FakeHubClient;
import dev.cch.admin.testing.ImmediateTaskRunner;
import dev.cch.admin.testing.Samples;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class LogsViewTest {
    final FakeHubClient hub = new FakeHubClient();
    final LogsViewModel vm = new LogsViewModel(hub, new ImmediateTaskRunner(), ZoneOffset.UTC);

    @Start
    void start(Stage stage) {
        hub.logs.add(Samples.detailedLog(1));
        hub.logs.add(Samples.log(2, "claude-opus-4-1", 529, "primary"));
        stage.setScene(new Scene(new LogsView(vm).createView(), 1400, 800));
        stage.show();
    }

    @Test
    void searchingFillsTheTableAndClickingARowDrawsItsTimeline(FxRobot robot) {
        robot.clickOn("#searchLogs");
        TableView<?> table = robot.lookup("#logs").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(2);
        robot.clickOn("claude-sonnet-4-5");
        VBox timeline = robot.lookup("#timeline").queryAs(VBox.class);
        assertThat(timeline.getChildren()).hasSize(7);
        assertThat(robot.lookup("Attempt 2 → backup").tryQuery()).isPresent();
        assertThat(robot.lookup(".timeline-step.bad").queryAll()).hasSize(1);
        assertThat(robot.lookup("$0.0100").tryQuery()).isPresent();
    }

    @Test
    void theStatusFilterNarrowsTheTable(FxRobot robot) {
        robot.interact(() -> vm.status.set("error"));
        robot.clickOn("#searchLogs");
        assertThat(robot.lookup("#logs").queryAs(TableView.class).getItems()).hasSize(1);
    }
}
