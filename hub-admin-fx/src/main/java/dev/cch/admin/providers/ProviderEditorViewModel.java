package dev.cch.admin.providers;

import dev.cch.admin.api.HubClient;
import dev.cch.admin.common.Activity;
import dev.cch.admin.common.EditableRow;
import dev.cch.admin.common.FieldErrors;
import dev.cch.admin.common.FormReader;
import dev.cch.admin.common.LimitsForm;
import dev.cch.admin.common.Parse;
import dev.cch.admin.tasks.TaskRunner;
import dev.cch.protocol.admin.BreakerSettings;
import dev.cch.protocol.admin.ModelRedirect;
import dev.cch.protocol.admin.ModelRule;
import dev.cch.protocol.admin.ProviderRequest;
import dev.cch.protocol.admin.ProviderTestResult;
import dev.cch.protocol.admin.ProviderView;
import dev.cch.protocol.admin.Timeouts;
import dev.cch.protocol.match.MatchType;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Every field of a provider as editable text, validated as you type with the hub's own rules
 * ({@link ProviderRequest#validate()}); saves with create or replace, and tests the saved provider's connection.
 */
public final class ProviderEditorViewModel {
    public static final List<String> TYPES = List.of("claude", "claude-auth", "codex", "openai-compatible", "gemini", "gemini-cli");
    public static final List<String> MATCHES = List.of("exact", "prefix", "suffix", "contains", "regex");

    private final HubClient client;
    private final Activity activity;
    private final Consumer<ProviderView> onSaved;
    private final FieldErrors errors = new FieldErrors();
    private Long id;

    public final StringProperty name = new SimpleStringProperty("");
    public final StringProperty description = new SimpleStringProperty("");
    public final StringProperty type = new SimpleStringProperty("claude");
    public final StringProperty baseUrl = new SimpleStringProperty("");
    public final StringProperty secret = new SimpleStringProperty("");
    public final BooleanProperty enabled = new SimpleBooleanProperty(true);
    public final StringProperty weight = new SimpleStringProperty("1");
    public final StringProperty priority = new SimpleStringProperty("0");
    public final StringProperty groups = new SimpleStringProperty("default");
    public final ObservableList<EditableRow> groupPriorities = rows();
    public final StringProperty costMultiplier = new SimpleStringProperty("1");
    public final ObservableList<EditableRow> allowedModels = rows();
    public final ObservableList<EditableRow> redirects = rows();
    public final StringProperty proxyUrl = new SimpleStringProperty("");
    public final BooleanProperty proxyFallbackToDirect = new SimpleBooleanProperty();
    public final ObservableList<EditableRow> headers = rows();
    public final LimitsForm limits = new LimitsForm();
    public final StringProperty maxRetryAttempts = new SimpleStringProperty("");
    public final StringProperty maxSwitches = new SimpleStringProperty("");
    public final StringProperty failureThreshold = new SimpleStringProperty("5");
    public final StringProperty openDurationSeconds = new SimpleStringProperty("1800");
    public final StringProperty halfOpenSuccesses = new SimpleStringProperty("2");
    // a new provider starts with the hub's shipped timeouts (0 turns one off)
    public final StringProperty connectMs = new SimpleStringProperty(Integer.toString(Timeouts.CONNECT_MS));
    public final StringProperty firstByteMs = new SimpleStringProperty(Integer.toString(Timeouts.FIRST_BYTE_MS));
    public final StringProperty streamingIdleMs = new SimpleStringProperty(Integer.toString(Timeouts.STREAMING_IDLE_MS));
    public final StringProperty requestMs = new SimpleStringProperty(Integer.toString(Timeouts.REQUEST_MS));
    public final StringProperty activeFrom = new SimpleStringProperty("");
    public final StringProperty activeTo = new SimpleStringProperty("");
    public final BooleanProperty disableSessionReuse = new SimpleBooleanProperty();
    public final StringProperty testModel = new SimpleStringProperty("");

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("New provider");
    private final ReadOnlyStringWrapper secretHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper testVerdict = new ReadOnlyStringWrapper("");
    private final BooleanProperty isNew = new SimpleBooleanProperty(true);
    private final BooleanBinding cannotSave;

    public ProviderEditorViewModel(HubClient client, TaskRunner tasks, Consumer<ProviderView> onSaved) {
        this.client = client;
        this.activity = new Activity(tasks);
        this.onSaved = onSaved;
        List<Observable> watched = new ArrayList<>(List.of(name, description, type, baseUrl, secret, weight, priority,
                groups, groupPriorities, costMultiplier, allowedModels, redirects, proxyUrl, headers, maxRetryAttempts,
                maxSwitches, failureThreshold, openDurationSeconds, halfOpenSuccesses, connectMs, firstByteMs,
                streamingIdleMs, requestMs, activeFrom, activeTo));
        watched.addAll(List.of(limits.observables()));
        watched.forEach(o -> o.addListener(x -> validate()));
        cannotSave = Bindings.createBooleanBinding(() -> activity.busyProperty().get() || errors.anyProperty().get(),
                activity.busyProperty(), errors.anyProperty());
        validate();
    }

    private static ObservableList<EditableRow> rows() {
        return FXCollections.observableArrayList(r -> r.observables());
    }

    public void createNew() {
        id = null;
        isNew.set(true);
        title.set("New provider");
        load(ProviderRequest.of("", "claude", "", null));
        secretHint.set("");
        testResult.set("");
        testVerdict.set("");
        activity.clear();
    }

    public void edit(ProviderView p) {
        id = p.id();
        isNew.set(false);
        title.set(p.name());
        load(p.toRequest());
        secretHint.set(p.secretHint() == null ? "" : "Stored secret ends in " + p.secretHint() + "; leave empty to keep it.");
        testResult.set("");
        testVerdict.set("");
        activity.clear();
    }

    private void load(ProviderRequest r) {
        name.set(r.name());
        description.set(r.description());
        type.set(r.type());
        baseUrl.set(r.baseUrl());
        secret.set("");
        enabled.set(r.enabled());
        weight.set(Parse.show(r.weight()));
        priority.set(Parse.show(r.priority()));
        groups.set(String.join(", ", r.groupTags()));
        groupPriorities.setAll(r.groupPriorities().entrySet().stream()
                .map(e -> new EditableRow(e.getKey(), e.getValue().toString())).toList());
        costMultiplier.set(Parse.show(r.costMultiplier()));
        allowedModels.setAll(r.allowedModels().stream().map(m -> new EditableRow(m.match().wireName(), m.pattern())).toList());
        redirects.setAll(r.modelRedirects().stream()
                .map(m -> new EditableRow(m.match().wireName(), m.source(), m.target())).toList());
        proxyUrl.set(r.proxyUrl() == null ? "" : r.proxyUrl());
        proxyFallbackToDirect.set(r.proxyFallbackToDirect());
        headers.setAll(r.customHeaders().entrySet().stream().map(e -> new EditableRow(e.getKey(), e.getValue())).toList());
        limits.load(r.limits());
        maxRetryAttempts.set(Parse.show(r.maxRetryAttempts()));
        maxSwitches.set(Parse.show(r.maxSwitches()));
        failureThreshold.set(Parse.show(r.breaker().failureThreshold()));
        openDurationSeconds.set(Long.toString(r.breaker().openDurationMs() / 1000));
        halfOpenSuccesses.set(Parse.show(r.breaker().halfOpenSuccesses()));
        connectMs.set(Parse.show(r.timeouts().connectMs()));
        firstByteMs.set(Parse.show(r.timeouts().firstByteMs()));
        streamingIdleMs.set(Parse.show(r.timeouts().streamingIdleMs()));
        requestMs.set(Parse.show(r.timeouts().requestMs()));
        activeFrom.set(r.activeTimeStart() == null ? "" : r.activeTimeStart());
        activeTo.set(r.activeTimeEnd() == null ? "" : r.activeTimeEnd());
        disableSessionReuse.set(r.disableSessionReuse());
        validate();
    }

    /** The request as typed, with parse problems collected in {@code r}. */
    ProviderRequest request(FormReader r) {
        Map<String, Integer> priorities = new LinkedHashMap<>();
        for (EditableRow row : groupPriorities) {
            if (!row.text(0).isEmpty()) {
                priorities.put(row.text(0), r.integer("groupPriorities." + row.text(0), row.text(1)));
            }
        }
        Map<String, String> hdrs = new LinkedHashMap<>();
        headers.forEach(h -> hdrs.put(h.text(0), h.cell(1).get() == null ? "" : h.cell(1).get()));
        Long openMs = r.whole("breaker.openDurationMs", openDurationSeconds.get());
        return new ProviderRequest(name.get(), description.get(), type.get(), baseUrl.get(),
                Parse.text(secret.get()), enabled.get(), r.integer("weight", weight.get()),
                r.integer("priority", priority.get()), Parse.list(groups.get()), priorities,
                r.money("costMultiplier", costMultiplier.get()),
                allowedModels.stream().map(m -> new ModelRule(match(m.text(0)), m.text(1))).toList(),
                redirects.stream().map(m -> new ModelRedirect(match(m.text(0)), m.text(1), m.text(2))).toList(),
                Parse.text(proxyUrl.get()), proxyFallbackToDirect.get(), hdrs, limits.read(r, "limits."),
                r.integer("maxRetryAttempts", maxRetryAttempts.get()), r.integer("maxSwitches", maxSwitches.get()),
                new BreakerSettings(r.integer("breaker.failureThreshold", failureThreshold.get()),
                        openMs == null ? null : openMs * 1000, r.integer("breaker.halfOpenSuccesses", halfOpenSuccesses.get())),
                new Timeouts(r.integer("timeouts.connectMs", connectMs.get()), r.integer("timeouts.firstByteMs", firstByteMs.get()),
                        r.integer("timeouts.streamingIdleMs", streamingIdleMs.get()), r.integer("timeouts.requestMs", requestMs.get())),
                Parse.text(activeFrom.get()), Parse.text(activeTo.get()), disableSessionReuse.get());
    }

    private static MatchType match(String s) {
        return s == null || s.isBlank() ? MatchType.EXACT : MatchType.fromWireName(s.toLowerCase(Locale.ROOT));
    }

    private void validate() {
        FormReader r = new FormReader();
        ProviderRequest req = request(r);
        List<dev.cch.protocol.admin.FieldError> all = new ArrayList<>(r.with(req.validate()));
        if (id == null && (secret.get() == null || secret.get().isBlank())) {
            all.add(new dev.cch.protocol.admin.FieldError("secret", "is required for a new provider"));
        }
        errors.set(all);
    }

    public void save() {
        validate();
        if (errors.anyProperty().get()) {
            activity.fail("Fix the fields marked in red first.");
            return;
        }
        ProviderRequest req = request(new FormReader());
        Long target = id;
        activity.run(() -> target == null ? client.createProvider(req) : client.updateProvider(target, req), p -> {
            edit(p);
            onSaved.accept(p);
            activity.succeed((target == null ? "Created " : "Saved ") + p.name() + ".");
        }, e -> errors.set(e.fieldErrors()));
    }

    public void testConnection() {
        if (id == null) {
            testVerdict.set("error");
            testResult.set("Save the provider first, then test it.");
            return;
        }
        long target = id;
        String model = testModel.get();
        testVerdict.set("");
        testResult.set("Testing …");
        activity.run(() -> client.testProvider(target, model), this::showTest, e -> {
            testVerdict.set("error");
            testResult.set(e.getMessage());
        });
    }

    private void showTest(ProviderTestResult t) {
        testVerdict.set(t.verdict());
        String what = switch (t.verdict()) {
            case "ok" -> "Works";
            case "slow" -> "Works, but slowly";
            case "auth" -> "Credentials refused";
            case "rate_limited" -> "Rate limited";
            case "unreachable" -> "Unreachable";
            default -> "Failed";
        };
        StringBuilder sb = new StringBuilder(what).append(" · ").append(t.latencyMs()).append(" ms");
        if (t.status() != null) {
            sb.append(" · HTTP ").append(t.status());
        }
        if (t.model() != null) {
            sb.append(" · ").append(t.model());
        }
        if (t.message() != null && !t.message().isBlank()) {
            sb.append(" — ").append(t.message());
        }
        testResult.set(sb.toString());
    }

    public EditableRow blankRule() {
        return new EditableRow("exact", "");
    }

    public EditableRow blankRedirect() {
        return new EditableRow("exact", "", "");
    }

    public Activity activity() {
        return activity;
    }

    public FieldErrors errors() {
        return errors;
    }

    public BooleanBinding cannotSave() {
        return cannotSave;
    }

    public BooleanProperty isNewProperty() {
        return isNew;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty secretHintProperty() {
        return secretHint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    /** ok, slow, auth, rate_limited, error, unreachable, or "" before a test. */
    public ReadOnlyStringProperty testVerdictProperty() {
        return testVerdict.getReadOnlyProperty();
    }
}
