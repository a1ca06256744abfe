package dev.cch.admin.providers;

import dev.cch.admin.api.HubClient;
import dev.cch.admin.common.Activity;
import dev.cch.admin.live.LiveFeed;
import dev.cch.admin.tasks.TaskRunner;
import dev.cch.protocol.admin.BreakerView;
import dev.cch.protocol.admin.LiveEvent;
import dev.cch.protocol.admin.ProviderView;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The providers table with each breaker's live state, breaker resets, and the editor of the selected provider. */
public final class ProvidersViewModel {
    private final HubClient client;
    private final Activity activity;
    private final Clock clock;
    private final ObservableList<ProviderRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<ProviderRow> selected = new SimpleObjectProperty<>();
    private final ProviderEditorViewModel editor;

    public ProvidersViewModel(HubClient client, TaskRunner tasks, LiveFeed feed, Clock clock) {
        this.client = client;
        this.activity = new Activity(tasks);
        this.clock = clock;
        this.editor = new ProviderEditorViewModel(client, tasks, this::saved);
        feed.subscribe(this::onEvent);
        selected.addListener((o, was, now) -> {
            // a breaker update replaces the row but not the provider: keep what is being typed
            if (now != null && (was == null || was.provider() != now.provider())) {
                editor.edit(now.provider());
            }
        });
    }

    public void load() {
        activity.run(() -> {
            List<ProviderView> all = new ArrayList<>();
            String cursor = null;
            do {
                var page = client.providers(cursor, 200);
                all.addAll(page.items());
                cursor = page.nextCursor();
            } while (cursor != null);
            Map<Long, BreakerView> breakers = client.breakers().stream()
                    .collect(Collectors.toMap(BreakerView::providerId, Function.identity(), (a, b) -> b));
            return all.stream().map(p -> new ProviderRow(p, breakers.get(p.id()))).toList();
        }, this::show);
    }

    private void show(List<ProviderRow> list) {
        Long keep = selected.get() == null ? null : selected.get().provider().id();
        rows.setAll(list);
        if (keep != null) {
            rows.stream().filter(r -> r.provider().id() == keep).findFirst().ifPresent(selected::set);
        }
    }

    public void resetBreaker(ProviderRow row) {
        activity.run(() -> client.resetBreaker(row.provider().id()), b -> {
            replaceBreaker(b);
            activity.succeed("Breaker of " + row.provider().name() + " closed.");
        });
    }

    public void resetAllBreakers() {
        activity.run(client::resetAllBreakers, list -> {
            list.forEach(this::replaceBreaker);
            activity.succeed("Every breaker closed.");
        });
    }

    public void delete(ProviderRow row) {
        activity.run(() -> {
            client.deleteProvider(row.provider().id());
            return row;
        }, r -> {
            rows.remove(r);
            selected.set(null);
            editor.createNew();
            activity.succeed("Provider " + r.provider().name() + " deleted.");
        });
    }

    public void createNew() {
        selected.set(null);
        editor.createNew();
    }

    private void saved(ProviderView p) {
        int i = indexOf(p.id());
        if (i < 0) {
            rows.add(new ProviderRow(p, null));
            selected.set(rows.getLast());
        } else {
            ProviderRow updated = new ProviderRow(p, rows.get(i).breaker());
            rows.set(i, updated);
            selected.set(updated);
        }
    }

    void onEvent(LiveEvent e) {
        if (e instanceof LiveEvent.Breaker b) {
            int i = indexOf(b.providerId());
            if (i >= 0) {
                ProviderRow row = rows.get(i);
                BreakerView old = row.breaker();
                rows.set(i, row.withBreaker(new BreakerView(b.providerId(), b.providerName(), b.state(), b.failures(),
                        old == null ? row.provider().breaker().failureThreshold() : old.failureThreshold(),
                        old == null ? 0 : old.halfOpenSuccesses(), old == null ? 2 : old.halfOpenSuccessesNeeded(),
                        b.reopensAt(), old == null ? 0 : old.openDurationMs())));
            }
        }
    }

    private void replaceBreaker(BreakerView b) {
        int i = indexOf(b.providerId());
        if (i >= 0) {
            rows.set(i, rows.get(i).withBreaker(b));
        }
    }

    private int indexOf(long providerId) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).provider().id() == providerId) {
                return i;
            }
        }
        return -1;
    }

    public Instant now() {
        return clock.instant();
    }

    public Activity activity() {
        return activity;
    }

    public ObservableList<ProviderRow> rows() {
        return rows;
    }

    public ObjectProperty<ProviderRow> selectedProperty() {
        return selected;
    }

    public ProviderEditorViewModel editor() {
        return editor;
    }
}
