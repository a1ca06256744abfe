package dev.cch.admin.prices;

import dev.cch.admin.testing.FakeHubClient;
import dev.cch.admin.testing.ImmediateTaskRunner;
import dev.cch.admin.testing.ManualTaskRunner;
import dev.cch.admin.testing.Samples;
import dev.cch.protocol.admin.MissingPriceView;
import dev.cch.protocol.admin.PriceView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.cch.admin.testing.FakeHubClient.NOW;
import static org.assertj.core.api.Assertions.assertThat;

class PricesViewModelTest {
    final FakeHubClient hub = new FakeHubClient();
    final PricesViewModel vm = new PricesViewModel(hub, new ImmediateTaskRunner());

    @BeforeEach
    void table() {
        hub.prices.put(1L, Samples.price(1, "claude-sonnet-4-5", "3", "15", "seed"));
        hub.prices.put(2L, Samples.price(2, "claude-haiku-4-5", "1", "5", "sync"));
        hub.missing.add(new MissingPriceView("my-finetune", 12, NOW));
    }

    @Test
    void searchNarrowsTheTable() {
        vm.search.set("haiku");
        vm.load();
        assertThat(vm.prices().items()).extracting(PriceView::model).containsExactly("claude-haiku-4-5");
        assertThat(vm.missing()).hasSize(1);
    }

    @Test
    void editingAPriceMakesItManual() {
        vm.load();
        vm.prices().selectedProperty().set(vm.prices().items().get(1));
        assertThat(vm.input.get()).isEqualTo("3");
        vm.output.set("14");
        vm.save();
        assertThat(hub.prices.get(1L).source()).isEqualTo("manual");
        assertThat(hub.prices.get(1L).outputPerMTok()).isEqualByComparingTo("14");
        assertThat(vm.activity().messageProperty().get()).endsWith("a sync will not overwrite it.");
    }

    @Test
    void theSharedRulesCheckPricesAsYouType() {
        vm.createNew();
        vm.model.set("m");
        vm.input.set("-1");
        assertThat(vm.errors().get("inputPerMTok")).isEqualTo("must not be negative");
        vm.input.set("abc");
        assertThat(vm.errors().get("inputPerMTok")).isEqualTo("must be an amount such as 12.50");
        vm.input.set("1");
        vm.output.set("2");
        vm.longThreshold.set("200000");
        assertThat(vm.errors().get("inputLongPerMTok")).isEqualTo("set the long-context threshold and its input price together");
    }

    @Test
    void pricingAMissingModelRemovesItFromTheMissingList() {
        vm.load();
        vm.priceMissing(vm.missing().getFirst());
        assertThat(vm.model.get()).isEqualTo("my-finetune");
        vm.input.set("2");
        vm.output.set("8");
        vm.save();
        assertThat(vm.missing()).isEmpty();
        assertThat(vm.prices().items()).extracting(PriceView::model).contains("my-finetune");
    }

    @Test
    void syncShowsProgressWhileRunningThenWhatChanged() {
        ManualTaskRunner tasks = new ManualTaskRunner();
        PricesViewModel slow = new PricesViewModel(hub, tasks);
        slow.sync();
        assertThat(slow.syncingProperty().get()).isTrue();
        assertThat(slow.activity().busyProperty().get()).isTrue();
        tasks.runAll();
        assertThat(slow.syncingProperty().get()).isFalse();
        assertThat(slow.activity().messageProperty().get()).isEqualTo(
                "Synced from https://example.test/prices.json: 3 added, 5 updated, 120 unchanged, 2 manual kept, 0 removed.");
    }

    @Test
    void deletingClearsTheForm() {
        vm.load();
        vm.prices().selectedProperty().set(vm.prices().items().getFirst());
        vm.delete();
        assertThat(hub.prices).hasSize(1);
        assertThat(vm.model.get()).isEmpty();
    }
}
