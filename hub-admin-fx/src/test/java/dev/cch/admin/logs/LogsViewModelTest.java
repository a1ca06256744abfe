package dev.cch.admin.logs;

import dev.cch.admin.testing.FakeHubClient;
import dev.cch.admin.testing.ImmediateTaskRunner;
import dev.cch.admin.testing.Samples;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class LogsViewModelTest {
    final FakeHubClient hub = new FakeHubClient();
    final LogsViewModel vm = new LogsViewModel(hub, new ImmediateTaskRunner(), ZoneOffset.UTC);

    @BeforeEach
    void traffic() {
        for (long i = 1; i <= 150; i++) {
            hub.logs.add(Samples.log(i, i % 3 == 0 ? "claude-opus-4-1" : "claude-sonnet-4-5", i % 10 == 0 ? 529 : 200, "primary"));
        }
        hub.logs.set(0, Samples.detailedLog(1));
    }

    @Test
    void pagesThroughTheLogWithTheCursor() {
        vm.search();
        assertThat(vm.rows()).hasSize(100);
        assertThat(vm.moreProperty().get()).isTrue();
        vm.loadMore();
        assertThat(vm.rows()).hasSize(150);
        assertThat(vm.moreProperty().get()).isFalse();
    }

    @Test
    void filtersGoToTheHub() {
        vm.model.set("claude-opus-4-1");
        vm.status.set("error");
        vm.userId.set("1");
        vm.from.set(LocalDate.of(2026, 3, 1));
        vm.to.set(LocalDate.of(2026, 3, 2));
        vm.search();
        assertThat(hub.lastLogFilter.model()).isEqualTo("claude-opus-4-1");
        assertThat(hub.lastLogFilter.userId()).isEqualTo(1L);
        assertThat(hub.lastLogFilter.from()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(hub.lastLogFilter.to()).isEqualTo(Instant.parse("2026-03-03T00:00:00Z"));
        assertThat(hub.lastLogFilter.query()).containsEntry("status", "error");
        assertThat(vm.rows()).allSatisfy(r -> {
            assertThat(r.model()).isEqualTo("claude-opus-4-1");
            assertThat(r.statusCode()).isEqualTo(529);
        });
    }

    @Test
    void aNonNumericIdIsExplainedInsteadOfSent() {
        vm.keyId.set("abc");
        vm.search();
        assertThat(vm.activity().messageProperty().get()).isEqualTo("The key filter must be a numeric id.");
        assertThat(hub.calls).doesNotContain("logs");
    }

    @Test
    void theDetailReadsAsATimelineOfAttemptsReasonsAndTimings() {
        vm.search();
        vm.selectedProperty().set(vm.rows().getFirst());
        assertThat(vm.timeline()).extracting(TimelineStep::title).containsExactly("Filter: group", "Priority tier 0",
                "Session sess-1", "Selected primary", "Attempt 1 → primary", "Attempt 2 → backup", "Outcome: HTTP 200");
        assertThat(vm.timeline().get(0).detail()).isEqualTo("kept primary, backup; dropped gemini (model not allowed)");
        assertThat(vm.timeline().get(1).detail()).isEqualTo("primary 75.0% (weight 3), backup 25.0% (weight 1)");
        TimelineStep failed = vm.timeline().get(4);
        assertThat(failed.detail()).isEqualTo("HTTP 529 · upstream overloaded · 412 ms · model claude-sonnet-4-5 · breaker closed — overloaded_error");
        assertThat(failed.tone()).isEqualTo("bad");
        assertThat(failed.at()).isEqualTo("+2 ms");
        assertThat(vm.timeline().get(5).tone()).isEqualTo("good");
        assertThat(vm.summaryProperty().get()).contains("req_1").contains("2 attempt(s)").contains("alice / alice-laptop → backup");
    }

    @Test
    void theCostBreakdownIsInDollarsWithMultipliers() {
        vm.search();
        vm.selectedProperty().set(vm.rows().getFirst());
        assertThat(vm.cost()).extracting(l -> l[0] + "=" + l[1]).containsExactly("Input=$0.0036", "Output=$0.0045",
                "Cache write=$0.0004", "Cache read=$0.0015", "Provider multiplier=×1", "Group multiplier=×1", "Total=$0.0100");
    }

    @Test
    void exportWritesTheFilteredCsv(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("requests.csv");
        vm.export(file);
        assertThat(Files.readString(file)).startsWith("id,model,status\n");
        assertThat(vm.activity().messageProperty().get()).startsWith("Exported ").endsWith("requests.csv.");
    }

    @Test
    void showingASessionNarrowsTheLogToIt() {
        vm.model.set("x");
        vm.showSession("sess-9");
        assertThat(hub.lastLogFilter.sessionId()).isEqualTo("sess-9");
        assertThat(hub.lastLogFilter.model()).isNull();
    }
}
