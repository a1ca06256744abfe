package dev.cch.admin.settings;

import dev.cch.admin.testing.FakeHubClient;
import dev.cch.admin.testing.ImmediateTaskRunner;
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
class SettingsViewTest {
    final FakeHubClient hub = new FakeHubClient();
    final SettingsViewModel vm = new SettingsViewModel(hub, new ImmediateTaskRunner());

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new SettingsView(vm).createView(), 1300, 800));
        stage.show();
        vm.load();
    }

    @Test
    void generalSettingsShowTheRuleWhileTyping(FxRobot robot) {
        robot.doubleClickOn("#logRetentionDays").write("99999");
        verifyThat("#logRetentionDaysError", hasText("must be between 0 and 3650"));
        assertThat(robot.lookup("#saveSettings").query().isDisabled()).isTrue();
    }

    @Test
    void addingASensitiveWordListsIt(FxRobot robot) {
        robot.clickOn("Sensitive words");
        robot.clickOn("#word").write("project-x");
        robot.clickOn("#saveWord");
        assertThat(robot.lookup("#sensitiveWords").queryAs(TableView.class).getItems()).hasSize(1);
        verifyThat("#wordsMessage", hasText("Requests containing \"project-x\" are refused."));
    }

    @Test
    void errorRuleTesterShowsTheVerdict(FxRobot robot) {
        robot.clickOn("Error rules");
        robot.clickOn("#sampleText").write("something odd");
        robot.clickOn("#testRules");
        verifyThat("#ruleVerdict", hasText("No rule matches: this error makes the hub fail over as HTTP 500 (upstream_error)."));
    }

    @Test
    void notificationTargetIsSavedAndTested(FxRobot robot) {
        robot.clickOn("Notifications");
        robot.clickOn("#webhookName").write("ops");
        robot.clickOn("#webhookUrl").write("https://hooks.test/x");
        robot.clickOn("#saveWebhook");
        robot.clickOn("#testWebhook");
        verifyThat("#webhooksMessage", hasText("Test message delivered to ops (HTTP 200) in 87 ms: Delivered"));
    }

    @Test
    void providerGroupsTabSavesAGroup(FxRobot robot) {
        robot.clickOn("Provider groups");
        robot.clickOn("#groupName").write("premium");
        robot.clickOn("#saveGroup");
        assertThat(robot.lookup("#providerGroups").queryAs(TableView.class).getItems()).hasSize(1);
    }
}
