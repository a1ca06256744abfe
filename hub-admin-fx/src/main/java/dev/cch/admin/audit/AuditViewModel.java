package dev.cch.admin.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cch.admin.api.AuditFilter;
import dev.cch.admin.api.HubClient;
import dev.cch.admin.common.Activity;
import dev.cch.admin.common.Formats;
import dev.cch.admin.tasks.TaskRunner;
import dev.cch.protocol.admin.AuditView;
import dev.cch.protocol.admin.Page;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Admin changes and logins, filtered and paged; the selected entry's fields before and after. */
public final class AuditViewModel {
    static final int PAGE = 100;

    private final HubClient client;
    private final Activity activity;
    public final StringProperty action = new SimpleStringProperty("");
    public final StringProperty actor = new SimpleStringProperty("");
    public final StringProperty targetType = new SimpleStringProperty("");
    private final ObservableList<AuditView> rows = FXCollections.observableArrayList();
    private final ObjectProperty<AuditView> selected = new SimpleObjectProperty<>();
    private final ObservableList<String> changes = FXCollections.observableArrayList();
    private final BooleanProperty more = new SimpleBooleanProperty();
    private String cursor;
    private AuditFilter current = AuditFilter.ALL;

    public AuditViewModel(HubClient client, TaskRunner tasks) {
        this.client = client;
        this.activity = new Activity(tasks);
        selected.addListener((o, was, now) -> changes.setAll(now == null ? List.of() : describe(now)));
    }

    public void load() {
        AuditFilter f = new AuditFilter(action.get(), actor.get(), targetType.get());
        current = f;
        activity.run(() -> client.audit(f, null, PAGE), p -> {
            rows.setAll(p.items());
            page(p);
        });
    }

    public void loadMore() {
        String c = cursor;
        AuditFilter f = current;
        if (c != null) {
            activity.run(() -> client.audit(f, c, PAGE), p -> {
                rows.addAll(p.items());
                page(p);
            });
        }
    }

    private void page(Page<?> p) {
        cursor = p.nextCursor();
        more.set(cursor != null);
    }

    /** Each changed field as "field: before → after"; whole documents for creations and deletions. */
    static List<String> describe(AuditView a) {
        List<String> out = new ArrayList<>();
        out.add(Formats.moment(a.at()) + " · " + a.actor() + (a.actorIp() == null ? "" : " from " + a.actorIp()));
        out.add(a.action() + " " + Formats.orDash(a.targetType()) + " " + Formats.orDash(a.targetName())
                + (a.targetId() == null ? "" : " (#" + a.targetId() + ")") + (a.success() ? "" : " — failed: " + a.error()));
        JsonNode before = a.before();
        JsonNode after = a.after();
        if (before != null && before.isObject() && after != null && after.isObject()) {
            TreeSet<String> fields = new TreeSet<>();
            before.fieldNames().forEachRemaining(fields::add);
            after.fieldNames().forEachRemaining(fields::add);
            for (String f : fields) {
                JsonNode b = before.get(f);
                JsonNode n = after.get(f);
                if (b == null || !b.equals(n)) {
                    out.add(f + ": " + show(b) + " → " + show(n));
                }
            }
            if (out.size() == 2) {
                out.add("No field changed.");
            }
        } else if (after != null && !after.isNull()) {
            out.add("Created: " + after);
        } else if (before != null && !before.isNull()) {
            out.add("Removed: " + before);
        }
        return out;
    }

    private static String show(JsonNode n) {
        return n == null || n.isNull() ? "(none)" : n.isValueNode() ? n.asText() : n.toString();
    }

    public Activity activity() {
        return activity;
    }

    public ObservableList<AuditView> rows() {
        return rows;
    }

    public ObjectProperty<AuditView> selectedProperty() {
        return selected;
    }

    public ObservableList<String> changes() {
        return changes;
    }

    public BooleanProperty moreProperty() {
        return more;
    }
}
