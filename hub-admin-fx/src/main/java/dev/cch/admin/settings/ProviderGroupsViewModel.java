package dev.cch.admin.settings;

import dev.cch.admin.api.HubClient;
import dev.cch.admin.common.Activity;
import dev.cch.admin.common.Catalog;
import dev.cch.admin.common.CatalogEdits;
import dev.cch.admin.common.FieldErrors;
import dev.cch.admin.common.FormReader;
import dev.cch.admin.common.Parse;
import dev.cch.admin.tasks.TaskRunner;
import dev.cch.protocol.admin.ProviderGroupRequest;
import dev.cch.protocol.admin.ProviderGroupView;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;

/** Provider groups and their cost multipliers. */
public final class ProviderGroupsViewModel {
    private final HubClient client;
    private final Activity activity;
    private final Catalog<ProviderGroupView> groups = new Catalog<>(ProviderGroupView::id);
    private final FieldErrors errors = new FieldErrors();
    private final BooleanBinding cannotSave;
    private Long id;
    public final StringProperty name = new SimpleStringProperty("");
    public final StringProperty costMultiplier = new SimpleStringProperty("1");
    public final StringProperty description = new SimpleStringProperty("");

    public ProviderGroupsViewModel(HubClient client, TaskRunner tasks) {
        this.client = client;
        this.activity = new Activity(tasks);
        List.of(name, costMultiplier).forEach(p -> p.addListener(x -> validate()));
        groups.selectedProperty().addListener((o, was, now) -> {
            if (now != null) {
                id = now.id();
                name.set(now.name());
                costMultiplier.set(Parse.show(now.costMultiplier()));
                description.set(now.description());
            }
        });
        cannotSave = Bindings.createBooleanBinding(() -> activity.busyProperty().get() || errors.anyProperty().get(),
                activity.busyProperty(), errors.anyProperty());
        createNew();
    }

    public void load() {
        activity.run(client::providerGroups, groups::setAll);
    }

    public void createNew() {
        groups.selectedProperty().set(null);
        id = null;
        name.set("");
        costMultiplier.set("1");
        description.set("");
        validate();
    }

    ProviderGroupRequest request(FormReader r) {
        return new ProviderGroupRequest(name.get(), r.money("costMultiplier", costMultiplier.get()), description.get());
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
        ProviderGroupRequest req = request(new FormReader());
        Long target = id;
        CatalogEdits.save(activity, groups, errors,
                () -> target == null ? client.createProviderGroup(req) : client.updateProviderGroup(target, req),
                g -> "Saved group " + g.name() + ".");
    }

    public void delete() {
        CatalogEdits.deleteSelected(activity, groups, g -> client.deleteProviderGroup(g.id()), this::createNew,
                g -> "Deleted group " + g.name() + ".");
    }

    public Activity activity() {
        return activity;
    }

    public Catalog<ProviderGroupView> groups() {
        return groups;
    }

    public FieldErrors errors() {
        return errors;
    }

    public BooleanBinding cannotSave() {
        return cannotSave;
    }
}
