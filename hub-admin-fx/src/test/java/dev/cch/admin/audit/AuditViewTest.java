package dev.cch.admin.audit;

import dev.cch.admin.testing.FakeHubClient;
import dev.cch.admin.testing.ImmediateTaskRunner;
import dev.cch.admin.testing.Samples;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class AuditViewTest {
    final FakeHubClient hub = new FakeHubClient();
    final AuditViewModel vm = new AuditViewModel(hub, new ImmediateTaskRunner());

    @Start
    void start(Stage stage) {
        hub.audit.add(Samples.audit(1, "provider.update", "primary"));
        stage.setScene(new Scene(new AuditView(vm).createView(), 1200, 600));
        stage.show();
        vm.load();
    }

    @Test
    void clickingAnEntryListsItsChanges(FxRobot robot) {
        robot.clickOn("provider.update");
        @SuppressWarnings("unchecked") ListView<String> changes = robot.lookup("#auditChanges").queryAs(ListView.class);
        assertThat(changes.getItems()).contains("weight: 1 → 3");
    }

    @Test
    void searchSendsTheTypedFilters(FxRobot robot) {
        robot.clickOn("#auditActor").write("alice");
        robot.clickOn("#searchAudit");
        assertThat(hub.lastAuditFilter.actor()).isEqualTo("alice");
    }
}
