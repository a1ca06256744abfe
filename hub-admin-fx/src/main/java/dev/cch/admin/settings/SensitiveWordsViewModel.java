package dev.cch.admin.settings;

import dev.cch.admin.api.HubClient;
import dev.cch.admin.common.Activity;
import dev.cch.admin.common.Catalog;
import dev.cch.admin.common.CatalogEdits;
import dev.cch.admin.common.FieldErrors;
import dev.cch.admin.tasks.TaskRunner;
import dev.cch.protocol.admin.SensitiveWordRequest;
import dev.cch.protocol.admin.SensitiveWordView;
import dev.cch.protocol.match.MatchType;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;

/** Words that make the hub refuse a request: list, add, edit, switch off, delete. */
public final class SensitiveWordsViewModel {
    public static final List<MatchType> MATCHES = List.of(MatchType.CONTAINS, MatchType.EXACT, MatchType.REGEX);

    private final HubClient client;
    private final Activity activity;
    private final Catalog<SensitiveWordView> words = new Catalog<>(SensitiveWordView::id);
    private final FieldErrors errors = new FieldErrors();
    private final BooleanBinding cannotSave;
    private Long id;
    public final StringProperty word = new SimpleStringProperty("");
    public final ObjectProperty<MatchType> match = new SimpleObjectProperty<>(MatchType.CONTAINS);
    public final StringProperty description = new SimpleStringProperty("");
    public final BooleanProperty enabled = new SimpleBooleanProperty(true);

    public SensitiveWordsViewModel(HubClient client, TaskRunner tasks) {
        this.client = client;
        this.activity = new Activity(tasks);
        word.addListener(x -> validate());
        match.addListener(x -> validate());
        words.selectedProperty().addListener((o, was, now) -> {
            if (now != null) {
                id = now.id();
                word.set(now.word());
                match.set(now.matchType());
                description.set(now.description());
                enabled.set(now.enabled());
            }
        });
        cannotSave = Bindings.createBooleanBinding(() -> activity.busyProperty().get() || errors.anyProperty().get(),
                activity.busyProperty(), errors.anyProperty());
        createNew();
    }

    public void load() {
        activity.run(client::sensitiveWords, words::setAll);
    }

    public void createNew() {
        words.selectedProperty().set(null);
        id = null;
        word.set("");
        match.set(MatchType.CONTAINS);
        description.set("");
        enabled.set(true);
        validate();
    }

    private SensitiveWordRequest request() {
        return new SensitiveWordRequest(word.get(), match.get(), description.get(), enabled.get());
    }

    private void validate() {
        errors.set(request().validate());
    }

    public void save() {
        validate();
        if (errors.anyProperty().get()) {
            return;
        }
        SensitiveWordRequest r = request();
        Long target = id;
        CatalogEdits.save(activity, words, errors,
                () -> target == null ? client.createSensitiveWord(r) : client.updateSensitiveWord(target, r),
                w -> "Requests containing \"" + w.word() + "\" are " + (w.enabled() ? "refused." : "allowed (rule off)."));
    }

    public void delete() {
        CatalogEdits.deleteSelected(activity, words, w -> client.deleteSensitiveWord(w.id()), this::createNew,
                w -> "Removed \"" + w.word() + "\".");
    }

    public Activity activity() {
        return activity;
    }

    public Catalog<SensitiveWordView> words() {
        return words;
    }

    public FieldErrors errors() {
        return errors;
    }

    public BooleanBinding cannotSave() {
        return cannotSave;
    }
}
