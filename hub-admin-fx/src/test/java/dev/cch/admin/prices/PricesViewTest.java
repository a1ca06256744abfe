package dev.cch.admin.prices;

import dev.cch.admin.testing.FakeHubClient;
import dev.cch.admin.testing.ManualTaskRunner;
import dev.cch.admin.testing.Samples;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.api.FxAssert.verifyThat;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

@ExtendWith(ApplicationExtension.class)
class PricesViewTest {
    final FakeHubClient hub = new FakeHubClient();
    final ManualTaskRunner tasks = new ManualTaskRunner();
    final PricesViewModel vm = new PricesViewModel(hub, tasks);

    @Start
    void start(Stage stage) {
        hub.prices.put(1L, Samples.price(1, "claude-sonnet-4-5", "3", "15", "seed"));
        stage.setScene(new Scene(new PricesView(vm).createView(), 1300, 800));
        stage.show();
        vm.load();
        tasks.runAll();
    }

    @Test
    void syncShowsAProgressBarAndDisablesItselfUntilDone(FxRobot robot) {
        robot.clickOn("#syncPrices");
        assertThat(robot.lookup("#syncProgress").query().isVisible()).isTrue();
        assertThat(robot.lookup("#syncPrices").query().isDisabled()).isTrue();
        robot.interact(tasks::runAll);
        assertThat(robot.lookup("#syncProgress").query().isVisible()).isFalse();
        verifyThat("#pricesMessage", hasText(
                "Synced from https://example.test/prices.json: 3 added, 5 updated, 120 unchanged, 2 manual kept, 0 removed."));
    }

    @Test
    void clickingAPriceOpensItForEditing(FxRobot robot) {
        robot.clickOn("claude-sonnet-4-5");
        assertThat(robot.lookup("#priceOutput").queryTextInputControl().getText()).isEqualTo("15");
        robot.doubleClickOn("#priceOutput").write("16");
        robot.clickOn("#savePrice");
        robot.interact(tasks::runAll);
        assertThat(hub.prices.get(1L).outputPerMTok()).isEqualByComparingTo("16");
        assertThat(robot.lookup("#prices").queryAs(TableView.class).getItems()).hasSize(1);
    }
}
