package dev.cch.admin.users;

import dev.cch.admin.api.HubClient;
import dev.cch.admin.common.Activity;
import dev.cch.admin.common.FieldErrors;
import dev.cch.admin.common.FormReader;
import dev.cch.admin.common.LimitsForm;
import dev.cch.admin.common.Parse;
import dev.cch.admin.tasks.TaskRunner;
import dev.cch.protocol.admin.Role;
import dev.cch.protocol.admin.UserRequest;
import dev.cch.protocol.admin.UserView;
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

/** A user's profile, access lists, limits and expiry, validated as you type with {@link UserRequest#validate()}. */
public final class UserEditorViewModel {
    private final HubClient client;
    private final Activity activity;
    private final ZoneId zone;
    private final Consumer<UserView> onSaved;
    private final FieldErrors errors = new FieldErrors();
    private Long id;

    public final StringProperty name = new SimpleStringProperty("");
    public final StringProperty description = new SimpleStringProperty("");
    public final ObjectProperty<Role> role = new SimpleObjectProperty<>(Role.USER);
    public final StringProperty providerGroup = new SimpleStringProperty("default");
    public final StringProperty tags = new SimpleStringProperty("");
    public final StringProperty allowedModels = new SimpleStringProperty("");
    public final StringProperty allowedClients = new SimpleStringProperty("");
    public final StringProperty blockedClients = new SimpleStringProperty("");
    public final BooleanProperty enabled = new SimpleBooleanProperty(true);
    /** The last day the user may work; null for never expiring. */
    public final ObjectProperty<LocalDate> expires = new SimpleObjectProperty<>();
    public final LimitsForm limits = new LimitsForm();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("New user");
    private final BooleanBinding cannotSave;

    public UserEditorViewModel(HubClient client, TaskRunner tasks, ZoneId zone, Consumer<UserView> onSaved) {
        this.client = client;
        this.activity = new Activity(tasks);
        this.zone = zone;
        this.onSaved = onSaved;
        List<Observable> watched = new ArrayList<>(List.of(name, description, providerGroup, tags));
        watched.addAll(List.of(limits.observables()));
        watched.forEach(o -> o.addListener(x -> validate()));
        cannotSave = Bindings.createBooleanBinding(() -> activity.busyProperty().get() || errors.anyProperty().get(),
                activity.busyProperty(), errors.anyProperty());
        validate();
    }

    public void createNew() {
        id = null;
        title.set("New user");
        load(UserRequest.named(""));
        activity.clear();
    }

    public void edit(UserView u) {
        id = u.id();
        title.set(u.name());
        load(new UserRequest(u.name(), u.description(), u.role(), u.providerGroup(), u.tags(), u.limits(),
                u.allowedModels(), u.allowedClients(), u.blockedClients(), u.enabled(), u.expiresAt()));
        activity.clear();
    }

    private void load(UserRequest r) {
        name.set(r.name());
        description.set(r.description());
        role.set(r.role());
        providerGroup.set(r.providerGroup());
        tags.set(String.join(", ", r.tags()));
        allowedModels.set(String.join(", ", r.allowedModels()));
        allowedClients.set(String.join(", ", r.allowedClients()));
        blockedClients.set(String.join(", ", r.blockedClients()));
        enabled.set(r.enabled());
        expires.set(r.expiresAt() == null ? null : r.expiresAt().atZone(zone).toLocalDate().minusDays(1));
        limits.load(r.limits());
        validate();
    }

    UserRequest request(FormReader r) {
        return new UserRequest(name.get(), description.get(), role.get(), providerGroup.get(), Parse.list(tags.get()),
                limits.read(r, "limits."), Parse.list(allowedModels.get()), Parse.list(allowedClients.get()),
                Parse.list(blockedClients.get()), enabled.get(),
                expires.get() == null ? null : expires.get().plusDays(1).atStartOfDay(zone).toInstant());
    }

    private void validate() {
        FormReader r = new FormReader();
        errors.set(r.with(request(r).validate()));
    }

    public void save() {
        validate();
        if (errors.anyProperty().get()) {
            activity.fail("Fix the fields marked in red first.");
            return;
        }
        UserRequest req = request(new FormReader());
        Long target = id;
        activity.run(() -> target == null ? client.createUser(req) : client.updateUser(target, req), u -> {
            edit(u);
            onSaved.accept(u);
            activity.succeed((target == null ? "Created " : "Saved ") + u.name() + ".");
        }, e -> errors.set(e.fieldErrors()));
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
