package dev.cch.admin.users;

import dev.cch.admin.api.HubClient;
import dev.cch.admin.common.Activity;
import dev.cch.admin.common.FieldErrors;
import dev.cch.admin.common.FormReader;
import dev.cch.admin.common.LimitsForm;
import dev.cch.admin.common.Parse;
import dev.cch.admin.tasks.TaskRunner;
import dev.cch.protocol.admin.KeyCreated;
import dev.cch.protocol.admin.KeyRequest;
import dev.cch.protocol.admin.KeyView;
import javafx.beans.Observable;
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

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A key's name, group, limits, expiry and switch. Creating one returns its secret, which is shown once
 * ({@link #secretProperty()}) until the admin dismisses it.
 */
public final class KeyEditorViewModel {
    private final HubClient client;
    private final Activity activity;
    private final ZoneId zone;
    private final Consumer<KeyView> onSaved;
    private final FieldErrors errors = new FieldErrors();
    private Long id;
    private Long userId;

    public final StringProperty name = new SimpleStringProperty("");
    public final StringProperty providerGroup = new SimpleStringProperty("");
    public final BooleanProperty enabled = new SimpleBooleanProperty(true);
    public final ObjectProperty<LocalDate> expires = new SimpleObjectProperty<>();
    public final LimitsForm limits = new LimitsForm();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("New key");
    private final ReadOnlyStringWrapper secret = new ReadOnlyStringWrapper("");
    private final BooleanBinding cannotSave;

    public KeyEditorViewModel(HubClient client, TaskRunner tasks, ZoneId zone, Consumer<KeyView> onSaved) {
        this.client = client;
        this.activity = new Activity(tasks);
        this.zone = zone;
        this.onSaved = onSaved;
        List<Observable> watched = new ArrayList<>(List.of(name, providerGroup));
        watched.addAll(List.of(limits.observables()));
        watched.forEach(o -> o.addListener(x -> validate()));
        cannotSave = Bindings.createBooleanBinding(() -> activity.busyProperty().get() || errors.anyProperty().get()
                || this.userId == null, activity.busyProperty(), errors.anyProperty(), title);
    }

    /** A blank key for {@code user} (null: no user selected, nothing can be saved). */
    public void createFor(Long user) {
        id = null;
        userId = user;
        title.set(user == null ? "Select a user first" : "New key");
        load(KeyRequest.forUser(user == null ? 0 : user, ""));
        activity.clear();
    }

    public void edit(KeyView k) {
        id = k.id();
        userId = k.userId();
        title.set(k.name() + " (" + k.prefix() + "…)");
        load(new KeyRequest(k.userId(), k.name(), k.providerGroup(), k.limits(), k.enabled(), k.expiresAt()));
        activity.clear();
    }

    private void load(KeyRequest r) {
        name.set(r.name());
        providerGroup.set(r.providerGroup() == null ? "" : r.providerGroup());
        enabled.set(r.enabled());
        expires.set(r.expiresAt() == null ? null : r.expiresAt().atZone(zone).toLocalDate().minusDays(1));
        limits.load(r.limits());
        validate();
    }

    KeyRequest request(FormReader r) {
        return new KeyRequest(userId, name.get(), providerGroup.get(), limits.read(r, "limits."), enabled.get(),
                expires.get() == null ? null : expires.get().plusDays(1).atStartOfDay(zone).toInstant());
    }

    private void validate() {
        FormReader r = new FormReader();
        errors.set(r.with(request(r).validate()));
    }

    public void save() {
        validate();
        if (errors.anyProperty().get() || userId == null) {
            activity.fail("Fix the fields marked in red first.");
            return;
        }
        KeyRequest req = request(new FormReader());
        Long target = id;
        if (target == null) {
            activity.run(() -> client.createKey(req), this::created, e -> errors.set(e.fieldErrors()));
        } else {
            activity.run(() -> client.updateKey(target, req), k -> {
                edit(k);
                onSaved.accept(k);
                activity.succeed("Saved " + k.name() + ".");
            }, e -> errors.set(e.fieldErrors()));
        }
    }

    private void created(KeyCreated c) {
        edit(c.key());
        secret.set(c.secret());
        onSaved.accept(c.key());
        activity.succeed("Created " + c.key().name() + ". Copy the key now: the hub will not show it again.");
    }

    public void dismissSecret() {
        secret.set("");
    }

    /** The new key's whole secret, right after creating it; "" otherwise. */
    public ReadOnlyStringProperty secretProperty() {
        return secret.getReadOnlyProperty();
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

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }
}
