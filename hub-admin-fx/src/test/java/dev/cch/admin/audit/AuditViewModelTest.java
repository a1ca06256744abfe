package dev.cch.admin.audit;

import dev.cch.admin.testing.FakeHubClient;
import dev.cch.admin.testing.ImmediateTaskRunner;
import dev.cch.admin.testing.Samples;
import dev.cch.protocol.admin.AuditView;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditViewModelTest {
    final FakeHubClient hub = new FakeHubClient();
    final AuditViewModel vm = new AuditViewModel(hub, new ImmediateTaskRunner());

    @Test
    void filtersByActionPrefixAndShowsWhatChanged() {
        hub.audit.add(Samples.audit(1, "provider.update", "primary"));
        hub.audit.add(Samples.audit(2, "user.create", "carol"));
        vm.action.set("provider.");
        vm.load();
        assertThat(hub.lastAuditFilter.action()).isEqualTo("provider.");
        assertThat(vm.rows()).extracting(AuditView::action).containsExactly("provider.update");
        vm.selectedProperty().set(vm.rows().getFirst());
        assertThat(vm.changes()).hasSize(3);
        assertThat(vm.changes().get(1)).isEqualTo("provider.update provider primary (#21)");
        assertThat(vm.changes().get(2)).isEqualTo("weight: 1 → 3");
    }

    @Test
    void aCreationShowsTheNewDocument() {
        AuditView created = new AuditView(3, FakeHubClient.NOW, "admin-token", null, "user.create", "user", "5", "carol",
                null, Samples.json("{\"name\":\"carol\"}"), true, null);
        assertThat(AuditViewModel.describe(created)).last().isEqualTo("Created: {\"name\":\"carol\"}");
    }

    @Test
    void pagesWithTheCursor() {
        for (int i = 1; i <= 130; i++) {
            hub.audit.add(Samples.audit(i, "login", "admin"));
        }
        vm.load();
        assertThat(vm.rows()).hasSize(100);
        vm.loadMore();
        assertThat(vm.rows()).hasSize(130);
        assertThat(vm.moreProperty().get()).isFalse();
    }
}
