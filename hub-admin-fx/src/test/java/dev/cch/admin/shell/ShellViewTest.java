package dev.cch.admin.shell;

import dev.cch.admin.live.LiveFeed;
import dev.cch.admin.testing.FakeHubClient;
import dev.cch.admin.testing.ImmediateTaskRunner;
import dev.cch.admin.testing.Samples;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.cch.admin.testing.FakeHubClient.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.api.FxAssert.verifyThat;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

@ExtendWith(ApplicationExtension.class)
class ShellViewTest {
    final FakeHubClient hub = new FakeHubClient();
    final LiveFeed feed = new LiveFeed(hub, new ImmediateTaskRunner());
    final SimpleBooleanProperty dark = new SimpleBooleanProperty();
    final ShellViewModel vm = new ShellViewModel("http://hub.test:23000", feed, dark);
    final List<String> shown = new ArrayList<>();
    final List<String> built = new ArrayList<>();

    @Start
    void start(Stage stage) {
        List<Screen> screens = new ArrayList<>();
        for (Section s : Section.values()) {
            screens.add(new Screen(s, () -> {
                built.add(s.name());
                Label l = new Label("screen " + s.title());
                l.setId("body-" + s.name());
                return new javafx.scene.layout.StackPane(l);
            }, () -> shown.add(s.name())));
        }
        stage.setScene(new Scene(new ShellView(vm, screens).createView(), 1200, 700));
        stage.show();
    }

    @Test
    void navigationShowsEachScreenBuildingItOnlyOnce(FxRobot robot) {
        verifyThat("#screenTitle", hasText("Dashboard"));
        robot.clickOn("#nav-providers");
        verifyThat("#screenTitle", hasText("Providers"));
        assertThat(robot.lookup("#body-PROVIDERS").tryQuery()).isPresent();
        assertThat(robot.lookup("#body-DASHBOARD").tryQuery()).isEmpty();
        robot.clickOn("#nav-dashboard");
        robot.clickOn("#nav-providers");
        assertThat(built).containsExactly("DASHBOARD", "PROVIDERS");
        assertThat(shown).containsExactly("DASHBOARD", "PROVIDERS", "DASHBOARD", "PROVIDERS");
    }

    @Test
    void theThemeSwitchFlipsTheSharedProperty(FxRobot robot) {
        robot.clickOn("#darkTheme");
        assertThat(dark.get()).isTrue();
    }

    @Test
    void theLiveStatusFollowsTheStream(FxRobot robot) {
        verifyThat("#liveStatus", hasText("Live updates off"));
        robot.interact(() -> feed.accept("1", Samples.metrics(NOW, 1, 0, Map.of())));
        verifyThat("#liveStatus", hasText("Live"));
        assertThat(robot.lookup("#liveStatus").query().getStyleClass()).contains("success");
    }
}
