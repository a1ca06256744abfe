package dev.cch.admin.users;

import dev.cch.admin.testing.FakeHubClient;
import dev.cch.admin.testing.ImmediateTaskRunner;
import dev.cch.protocol.admin.UserRequest;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.time.ZoneOffset;

import static dev.cch.admin.testing.FakeHubClient.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.api.FxAssert.verifyThat;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

@ExtendWith(ApplicationExtension.class)
class UsersViewTest {
    final FakeHubClient hub = new FakeHubClient();
    final UsersViewModel vm = new UsersViewModel(hub, new ImmediateTaskRunner(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Start
    void start(Stage stage) throws Exception {
        hub.createUser(UserRequest.named("alice"));
        stage.setScene(new Scene(new UsersView(vm).createView(), 1300, 850));
        stage.show();
        vm.load();
    }

    @Test
    void creatingAKeyShowsTheSecretWithACopyButton(FxRobot robot) {
        robot.clickOn("alice");
        robot.clickOn("Keys");
        robot.clickOn("#newKey");
        robot.clickOn("#keyName").write("alice-laptop");
        robot.clickOn("#saveKey");
        assertThat(robot.lookup("#secretBox").query().isVisible()).isTrue();
        String secret = robot.lookup("#newSecret").queryAs(TextField.class).getText();
        assertThat(secret).startsWith("cch-");
        robot.clickOn("#copySecret");
        assertThat(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()))
                .succeedsWithin(java.time.Duration.ofSeconds(5)).isEqualTo(secret);
        robot.clickOn("#dismissSecret");
        assertThat(robot.lookup("#secretBox").query().isVisible()).isFalse();
    }

    @Test
    void usageTabShowsGaugesWithTimeToReset(FxRobot robot) {
        robot.clickOn("alice");
        robot.clickOn("Usage");
        verifyThat("#userGauges-1", hasText("$4.20 of $20.00"));
        assertThat(robot.lookup("resets in 13h 0m").tryQuery()).isPresent();
    }

    @Test
    void aNegativeLimitIsFlaggedWhileTyping(FxRobot robot) {
        robot.clickOn("alice");
        robot.interact(() -> vm.userEditor().limits.usdWeekly.set("-3"));
        verifyThat("#userLimitUsdWeeklyError", hasText("must not be negative"));
        assertThat(robot.lookup("#saveUser").query().isDisabled()).isTrue();
    }

    @Test
    void newUserFormSavesIntoTheList(FxRobot robot) {
        robot.clickOn("#newUser");
        robot.clickOn("#userName").write("dave");
        robot.interact(() -> { });
        robot.clickOn("#saveUser");
        assertThat(vm.users()).extracting(u -> u.name()).contains("dave");
        verifyThat("#userMessage", hasText("Created dave."));
    }
}
