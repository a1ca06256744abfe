package dev.cch.admin.settings;

import dev.cch.admin.api.HubClient;
import dev.cch.admin.common.Activity;
import dev.cch.admin.common.FieldErrors;
import dev.cch.admin.common.FormReader;
import dev.cch.admin.common.Parse;
import dev.cch.admin.tasks.TaskRunner;
import dev.cch.protocol.admin.SettingsView;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;

/** The hub's run-time settings: billing model, price sync source and interval, request log retention. */
public final class GeneralSettingsViewModel {
    public static final List<String> BILLING = List.of("requested", "redirected");

    private final HubClient client;
    private final Activity activity;
    private final FieldErrors errors = new FieldErrors();
    private final BooleanBinding cannotSave;
    public final StringProperty billingModel = new SimpleStringProperty("requested");
    public final StringProperty priceSyncUrl = new SimpleStringProperty("");
    public final StringProperty priceSyncHours = new SimpleStringProperty("24");
    public final StringProperty logRetentionDays = new SimpleStringProperty("0");

    public GeneralSettingsViewModel(HubClient client, TaskRunner tasks) {
        this.client = client;
        this.activity = new Activity(tasks);
        List.of(billingModel, priceSyncUrl, priceSyncHours, logRetentionDays).forEach(p -> p.addListener(x -> validate()));
        cannotSave = Bindings.createBooleanBinding(() -> activity.busyProperty().get() || errors.anyProperty().get(),
                activity.busyProperty(), errors.anyProperty());
    }

    public void load() {
        activity.run(client::settings, this::fill);
    }

    private void fill(SettingsView s) {
        billingModel.set(s.billingModel());
        priceSyncUrl.set(s.priceSyncUrl());
        priceSyncHours.set(Parse.show(s.priceSyncHours()));
        logRetentionDays.set(Parse.show(s.logRetentionDays()));
        validate();
    }

    SettingsView settings(FormReader r) {
        return new SettingsView(billingModel.get(), priceSyncUrl.get(), r.integer("priceSyncHours", priceSyncHours.get()),
                r.integer("logRetentionDays", logRetentionDays.get()));
    }

    private void validate() {
        FormReader r = new FormReader();
        errors.set(r.with(settings(r).validate()));
    }

    public void save() {
        validate();
        if (errors.anyProperty().get()) {
            activity.fail("Fix the fields marked in red first.");
            return;
        }
        SettingsView s = settings(new FormReader());
        activity.run(() -> client.updateSettings(s), saved -> {
            fill(saved);
            activity.succeed("Settings saved; every hub node applies them.");
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
}
