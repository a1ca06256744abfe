package dev.cch.admin.dashboard;

import dev.cch.admin.live.LiveFeed;
import dev.cch.admin.testing.FakeHubClient;
import dev.cch.admin.testing.ImmediateTaskRunner;
import dev.cch.admin.testing.Samples;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.Map;

import static dev.cch.admin.testing.FakeHubClient.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.api.FxAssert.verifyThat;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

/** The dashboard, headless: live events move the numbers and charts without replacing nodes. */
@ExtendWith(ApplicationExtension.class)
class DashboardViewTest {
    final FakeHubClient hub = new FakeHubClient();
    final LiveFeed feed = new LiveFeed(hub, new ImmediateTaskRunner());
    final DashboardViewModel vm = new DashboardViewModel(hub, new ImmediateTaskRunner(), feed);

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new DashboardView(vm).createView(), 1200, 800));
        stage.show();
        vm.load();
    }

    @Test
    void tilesShowTheOverviewThenFollowLiveSnapshotsInTheSameNodes(FxRobot robot) {
        verifyThat("#cost", hasText("$4.20"));
        Label rps = robot.lookup("#rps").queryAs(Label.class);
        robot.interact(() -> feed.accept("1", Samples.metrics(NOW, 3.5, 4, Map.of("primary", 9L))));
        verifyThat("#rps", hasText("3.5"));
        verifyThat("#sessions", hasText("4"));
        verifyThat("#latency", hasText("640 ms"));
        robot.interact(() -> feed.accept("2", Samples.metrics(NOW.plusSeconds(1), 7.0, 4, Map.of("primary", 12L))));
        assertThat(robot.lookup("#rps").queryAs(Label.class)).isSameAs(rps);
        verifyThat("#rps", hasText("7.0"));
    }

    @Test
    void chartsGrowPointByPointAndBarsChangeHeightInPlace(FxRobot robot) {
        robot.interact(() -> feed.accept("1", Samples.metrics(NOW, 1, 0, Map.of("primary", 9L))));
        robot.interact(() -> feed.accept("2", Samples.metrics(NOW.plusSeconds(1), 2, 0, Map.of("primary", 12L))));
        LineChart<?, ?> line = robot.lookup(".chart").match(n -> n instanceof LineChart).queryAs(LineChart.class);
        BarChart<?, ?> bars = robot.lookup(".chart").match(n -> n instanceof BarChart).queryAs(BarChart.class);
        assertThat(line.getData().getFirst().getData()).hasSize(2);
        assertThat(bars.getData().getFirst().getData()).singleElement()
                .satisfies(d -> assertThat(d.getXValue()).isEqualTo(12L));
    }

    @Test
    void finishedRequestsAppearInTheTable(FxRobot robot) {
        robot.interact(() -> feed.accept("3", Samples.request(NOW, "alice", "primary", 200)));
        TableView<?> table = robot.lookup("#recentRequests").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(1);
        Node cell = robot.lookup("#recentRequests .table-cell").match(n -> "alice".equals(((javafx.scene.control.Labeled) n).getText())).query();
        assertThat(cell).isNotNull();
    }
}
