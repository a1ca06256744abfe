package dev.cch.admin.leaderboard;

import dev.cch.admin.testing.FakeHubClient;
import dev.cch.admin.testing.ImmediateTaskRunner;
import dev.cch.protocol.admin.LeaderboardView.Row;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class LeaderboardViewTest {
    final FakeHubClient hub = new FakeHubClient();
    final LeaderboardViewModel vm = new LeaderboardViewModel(hub, new ImmediateTaskRunner(), ZoneOffset.UTC);

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new LeaderboardView(vm).createView(), 1100, 600));
        stage.show();
        vm.load();
    }

    @SuppressWarnings("unchecked")
    @Test
    void clickingAColumnHeaderSortsByItsValue(FxRobot robot) {
        TableView<Row> table = robot.lookup("#leaderboard").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(Row::name).containsExactly("alice", "bob", "carol");
        robot.clickOn("Requests");
        assertThat(table.getItems()).extracting(Row::name).containsExactly("bob", "alice", "carol");
        robot.clickOn("Requests");
        assertThat(table.getItems()).extracting(Row::name).containsExactly("carol", "alice", "bob");
        TableColumn<Row, ?> cost = table.getColumns().get(3);
        assertThat(cost.getCellObservableValue(0).getValue().toString()).isEqualTo("1.10");
    }

    @Test
    void choosingKeysAsksForTheKeyLeaderboard(FxRobot robot) {
        robot.clickOn("#by-key");
        assertThat(hub.leaderboardQueries).containsExactly("user today", "key today");
    }

    @Test
    void customPeriodRevealsTheDatePickers(FxRobot robot) {
        assertThat(robot.lookup("#customRange").query().isVisible()).isFalse();
        robot.interact(() -> vm.periodProperty().set("custom"));
        assertThat(robot.lookup("#customRange").query().isVisible()).isTrue();
    }
}
