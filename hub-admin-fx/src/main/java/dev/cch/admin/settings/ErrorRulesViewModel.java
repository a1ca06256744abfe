package dev.cch.admin.settings;

import dev.cch.admin.api.HubClient;
import dev.cch.admin.common.Activity;
import dev.cch.admin.common.Catalog;
import dev.cch.admin.common.CatalogEdits;
import dev.cch.admin.common.FieldErrors;
import dev.cch.admin.common.FormReader;
import dev.cch.admin.common.Parse;
import dev.cch.admin.tasks.TaskRunner;
import dev.cch.protocol.admin.ErrorRuleRequest;
import dev.cch.protocol.admin.ErrorRuleTest;
import dev.cch.protocol.admin.ErrorRuleVerdict;
import dev.cch.protocol.admin.ErrorRuleView;
import dev.cch.protocol.match.MatchType;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;

/** Upstream error rules (which errors go straight back instead of failing over) and a tester for sample errors. */
public final class ErrorRulesViewModel {
    public static final List<MatchType> MATCHES = List.of(MatchType.CONTAINS, MatchType.EXACT, MatchType.REGEX);

    private final HubClient client;
    private final Activity activity;
    private final Catalog<ErrorRuleView> rules = new Catalog<>(ErrorRuleView::id);
    private final FieldErrors errors = new FieldErrors();
    private final BooleanBinding cannotSave;
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");
    private Long id;
    public final StringProperty pattern = new SimpleStringProperty("");
    public final ObjectProperty<MatchType> match = new SimpleObjectProperty<>(MatchType.CONTAINS);
    public final StringProperty category = new SimpleStringProperty("custom");
    public final StringProperty description = new SimpleStringProperty("");
    public final StringProperty overrideStatus = new SimpleStringProperty("");
    public final StringProperty overrideBody = new SimpleStringProperty("");
    public final StringProperty priority = new SimpleStringProperty("0");
    public final BooleanProperty enabled = new SimpleBooleanProperty(true);
    public final StringProperty sampleText = new SimpleStringProperty("");
    public final StringProperty sampleStatus = new SimpleStringProperty("");

    public ErrorRulesViewModel(HubClient client, TaskRunner tasks) {
        this.client = client;
        this.activity = new Activity(tasks);
        List.of(pattern, category, overrideStatus, overrideBody, priority).forEach(p -> p.addListener(x -> validate()));
        match.addListener(x -> validate());
        rules.selectedProperty().addListener((o, was, now) -> {
            if (now != null) {
                id = now.id();
                pattern.set(now.pattern());
                match.set(now.matchType());
                category.set(now.category());
                description.set(now.description());
                overrideStatus.set(Parse.show(now.overrideStatus()));
                overrideBody.set(now.overrideBody() == null ? "" : now.overrideBody());
                priority.set(Integer.toString(now.priority()));
                enabled.set(now.enabled());
            }
        });
        cannotSave = Bindings.createBooleanBinding(() -> activity.busyProperty().get() || errors.anyProperty().get(),
                activity.busyProperty(), errors.anyProperty());
        createNew();
    }

    public void load() {
        activity.run(client::errorRules, rules::setAll);
    }

    public void createNew() {
        rules.selectedProperty().set(null);
        id = null;
        pattern.set("");
        match.set(MatchType.CONTAINS);
        category.set("custom");
        description.set("");
        overrideStatus.set("");
        overrideBody.set("");
        priority.set("0");
        enabled.set(true);
        validate();
    }

    ErrorRuleRequest request(FormReader r) {
        return new ErrorRuleRequest(pattern.get(), match.get(), category.get(), description.get(),
                r.integer("overrideStatus", overrideStatus.get()), Parse.text(overrideBody.get()), enabled.get(),
                r.integer("priority", priority.get()));
    }

    private void validate() {
        FormReader r = new FormReader();
        errors.set(r.with(request(r).validate()));
    }

    public void save() {
        validate();
        if (errors.anyProperty().get()) {
            return;
        }
        ErrorRuleRequest req = request(new FormReader());
        Long target = id;
        CatalogEdits.save(activity, rules, errors,
                () -> target == null ? client.createErrorRule(req) : client.updateErrorRule(target, req),
                r -> "Saved the rule for \"" + r.pattern() + "\".");
    }

    public void delete() {
        CatalogEdits.deleteSelected(activity, rules, r -> client.deleteErrorRule(r.id()), this::createNew,
                r -> "Deleted the rule for \"" + r.pattern() + "\".");
    }

    public void test() {
        FormReader r = new FormReader();
        Integer status = r.integer("status", sampleStatus.get());
        if (!r.errors().isEmpty() || sampleText.get().isBlank()) {
            verdict.set("Paste an upstream error body (and optionally its HTTP status) to try the rules.");
            return;
        }
        ErrorRuleTest sample = new ErrorRuleTest(sampleText.get(), status);
        activity.run(() -> client.testErrorRules(sample), v -> verdict.set(describe(v)));
    }

    static String describe(ErrorRuleVerdict v) {
        String what = "return".equals(v.action()) ? "goes straight back to the client" : "makes the hub fail over";
        return (v.matched() ? "Matches rule \"" + v.rule().pattern() + "\" (" + v.rule().category() + "): " : "No rule matches: ")
                + "this error " + what + " as HTTP " + v.status() + " (" + v.errorKind() + ").";
    }

    public Activity activity() {
        return activity;
    }

    public Catalog<ErrorRuleView> rules() {
        return rules;
    }

    public FieldErrors errors() {
        return errors;
    }

    public BooleanBinding cannotSave() {
        return cannotSave;
    }

    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }
}
