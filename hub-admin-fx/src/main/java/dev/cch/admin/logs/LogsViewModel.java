package dev.cch.admin.logs;

import dev.cch.admin.api.HubClient;
import dev.cch.admin.api.LogFilter;
import dev.cch.admin.common.Activity;
import dev.cch.admin.common.Formats;
import dev.cch.admin.common.FormReader;
import dev.cch.admin.common.Parse;
import dev.cch.admin.tasks.TaskRunner;
import dev.cch.protocol.admin.Page;
import dev.cch.protocol.admin.RequestLogView;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The request log: filters, cursor paging, CSV export, and the selected request's timeline and cost breakdown. */
public final class LogsViewModel {
    public static final List<String> STATUSES = List.of("", "error", "200", "400", "401", "429", "500", "502", "529");
    public static final List<String> ENDPOINTS = List.of("", "messages", "count_tokens", "chat_completions", "responses",
            "gemini_generate", "gemini_stream", "gemini_count_tokens");
    static final int PAGE = 100;

    private final HubClient client;
    private final Activity activity;
    private final ZoneId zone;
    public final StringProperty userId = new SimpleStringProperty("");
    public final StringProperty keyId = new SimpleStringProperty("");
    public final StringProperty providerId = new SimpleStringProperty("");
    public final StringProperty model = new SimpleStringProperty("");
    public final StringProperty status = new SimpleStringProperty("");
    public final StringProperty sessionId = new SimpleStringProperty("");
    public final StringProperty endpoint = new SimpleStringProperty("");
    public final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    public final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObservableList<RequestLogView> rows = FXCollections.observableArrayList();
    private final ObjectProperty<RequestLogView> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<RequestLogView> detail = new SimpleObjectProperty<>();
    private final ObservableList<TimelineStep> timeline = FXCollections.observableArrayList();
    private final ObservableList<String[]> cost = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Select a request to see how the hub handled it.");
    private final BooleanProperty more = new SimpleBooleanProperty();
    private String cursor;
    private LogFilter current = LogFilter.ALL;

    public LogsViewModel(HubClient client, TaskRunner tasks, ZoneId zone) {
        this.client = client;
        this.activity = new Activity(tasks);
        this.zone = zone;
        selected.addListener((o, was, now) -> {
            if (now != null && (was == null || was.id() != now.id())) {
                open(now.id());
            }
        });
    }

    /** The filters as typed, or null (with the reason shown) when an id is not a number. */
    LogFilter filter() {
        FormReader r = new FormReader();
        Long user = r.whole("user", userId.get());
        Long key = r.whole("key", keyId.get());
        Long provider = r.whole("provider", providerId.get());
        if (!r.errors().isEmpty()) {
            activity.fail("The " + r.errors().getFirst().field() + " filter must be a numeric id.");
            return null;
        }
        return new LogFilter(user, key, provider, Parse.text(model.get()), Parse.text(status.get()),
                Parse.text(sessionId.get()), Parse.text(endpoint.get()),
                from.get() == null ? null : from.get().atStartOfDay(zone).toInstant(),
                to.get() == null ? null : to.get().plusDays(1).atStartOfDay(zone).toInstant());
    }

    public void search() {
        LogFilter f = filter();
        if (f == null) {
            return;
        }
        current = f;
        activity.run(() -> client.logs(f, null, PAGE), p -> {
            rows.setAll(p.items());
            page(p);
            activity.succeed(p.items().isEmpty() ? "No requests match." : "");
        });
    }

    public void loadMore() {
        String c = cursor;
        LogFilter f = current;
        if (c != null) {
            activity.run(() -> client.logs(f, c, PAGE), p -> {
                rows.addAll(p.items());
                page(p);
            });
        }
    }

    public void clearFilters() {
        for (StringProperty p : List.of(userId, keyId, providerId, model, status, sessionId, endpoint)) {
            p.set("");
        }
        from.set(null);
        to.set(null);
        search();
    }

    /** Narrows the log to one session (from the sessions screen). */
    public void showSession(String session) {
        clearFiltersQuietly();
        sessionId.set(session);
        search();
    }

    private void clearFiltersQuietly() {
        for (StringProperty p : List.of(userId, keyId, providerId, model, status, sessionId, endpoint)) {
            p.set("");
        }
        from.set(null);
        to.set(null);
    }

    public void export(Path target) {
        LogFilter f = filter();
        if (f == null) {
            return;
        }
        activity.run(() -> client.exportLogs(f, target),
                bytes -> activity.succeed("Exported " + Formats.count(bytes) + " bytes of CSV to " + target + "."));
    }

    private void page(Page<?> p) {
        cursor = p.nextCursor();
        more.set(cursor != null);
    }

    private void open(long id) {
        activity.run(() -> client.log(id), this::show);
    }

    private void show(RequestLogView r) {
        detail.set(r);
        timeline.setAll(DecisionTimeline.steps(r.decisionChain()));
        cost.setAll(DecisionTimeline.cost(r.costBreakdown()));
        RequestLogView.Tokens t = r.tokens();
        summary.set(r.requestId() + " · " + Formats.moment(r.createdAt()) + " · HTTP " + r.statusCode()
                + (r.errorKind() == null ? "" : " " + r.errorKind()) + "\n"
                + Formats.orDash(r.userName()) + " / " + Formats.orDash(r.keyName()) + " → " + Formats.orDash(r.providerName())
                + " · " + r.model() + (r.upstreamModel() != null && !r.upstreamModel().equals(r.model()) ? " as " + r.upstreamModel() : "")
                + "\n" + (t == null ? "" : "tokens: " + t.input() + " in, " + t.output() + " out, " + t.cacheRead()
                + " cache read, " + (t.cacheWrite5m() + t.cacheWrite1h()) + " cache write")
                + " · first byte " + Formats.millis(r.ttfbMs()) + " · first token " + Formats.millis(r.ttftMs())
                + " · total " + Formats.millis(r.durationMs()) + " · " + r.attempts() + " attempt(s)"
                + (r.priceMissing() ? "\nNo price for this model: logged with cost 0." : "")
                + (r.errorMessage() == null ? "" : "\nError: " + r.errorMessage()));
    }

    public Activity activity() {
        return activity;
    }

    public ObservableList<RequestLogView> rows() {
        return rows;
    }

    public ObjectProperty<RequestLogView> selectedProperty() {
        return selected;
    }

    public ObjectProperty<RequestLogView> detailProperty() {
        return detail;
    }

    public ObservableList<TimelineStep> timeline() {
        return timeline;
    }

    public ObservableList<String[]> cost() {
        return cost;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public BooleanProperty moreProperty() {
        return more;
    }
}
