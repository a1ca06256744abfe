package dev.cch.admin.settings;

import dev.cch.admin.api.HubClient;
import dev.cch.admin.common.Activity;
import dev.cch.admin.common.Catalog;
import dev.cch.admin.common.CatalogEdits;
import dev.cch.admin.common.FieldErrors;
import dev.cch.admin.common.FormReader;
import dev.cch.admin.common.Parse;
import dev.cch.admin.tasks.TaskRunner;
import dev.cch.protocol.admin.WebhookRequest;
import dev.cch.protocol.admin.WebhookTestResult;
import dev.cch.protocol.admin.WebhookView;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.List;

/** Notification targets (JSON, DingTalk, Feishu, WeCom, Telegram), what each is told, and a test message. */
public final class WebhooksViewModel {
    public static final List<String> KINDS = List.of("json", "dingtalk", "feishu", "wecom", "telegram");

    private final HubClient client;
    private final Activity activity;
    private final Catalog<WebhookView> hooks = new Catalog<>(WebhookView::id);
    private final FieldErrors errors = new FieldErrors();
    private final BooleanBinding cannotSave;
    private final ReadOnlyStringWrapper secretHint = new ReadOnlyStringWrapper("");
    private Long id;
    public final StringProperty name = new SimpleStringProperty("");
    public final StringProperty kind = new SimpleStringProperty("json");
    public final StringProperty url = new SimpleStringProperty("");
    public final StringProperty secret = new SimpleStringProperty("");
    public final StringProperty chatId = new SimpleStringProperty("");
    public final BooleanProperty breakerOpen = new SimpleBooleanProperty(true);
    public final BooleanProperty spendAlert = new SimpleBooleanProperty();
    public final BooleanProperty dailyLeaderboard = new SimpleBooleanProperty();
    public final StringProperty spendThresholdPercent = new SimpleStringProperty("80");
    public final StringProperty dailyAt = new SimpleStringProperty("09:00");
    public final BooleanProperty enabled = new SimpleBooleanProperty(true);

    public WebhooksViewModel(HubClient client, TaskRunner tasks) {
        this.client = client;
        this.activity = new Activity(tasks);
        List.of(name, kind, url, secret, chatId, spendThresholdPercent, dailyAt).forEach(p -> p.addListener(x -> validate()));
        hooks.selectedProperty().addListener((o, was, now) -> {
            if (now != null) {
                fill(now);
            }
        });
        cannotSave = Bindings.createBooleanBinding(() -> activity.busyProperty().get() || errors.anyProperty().get(),
                activity.busyProperty(), errors.anyProperty());
        createNew();
    }

    public void load() {
        activity.run(client::webhooks, hooks::setAll);
    }

    public void createNew() {
        hooks.selectedProperty().set(null);
        id = null;
        name.set("");
        kind.set("json");
        url.set("");
        secret.set("");
        chatId.set("");
        breakerOpen.set(true);
        spendAlert.set(false);
        dailyLeaderboard.set(false);
        spendThresholdPercent.set("80");
        dailyAt.set("09:00");
        enabled.set(true);
        secretHint.set("");
        validate();
    }

    private void fill(WebhookView w) {
        id = w.id();
        name.set(w.name());
        kind.set(w.kind());
        url.set(w.url() == null ? "" : w.url());
        secret.set("");
        chatId.set(w.chatId() == null ? "" : w.chatId());
        breakerOpen.set(w.events().contains("breaker_open"));
        spendAlert.set(w.events().contains("spend_alert"));
        dailyLeaderboard.set(w.events().contains("daily_leaderboard"));
        spendThresholdPercent.set(Parse.show(w.spendThreshold().movePointRight(2)));
        dailyAt.set(w.dailyAt());
        enabled.set(w.enabled());
        secretHint.set(w.hasSecret() ? "A secret is stored; leave empty to keep it." : "");
        validate();
    }

    WebhookRequest request(FormReader r) {
        List<String> events = new ArrayList<>();
        if (breakerOpen.get()) {
            events.add("breaker_open");
        }
        if (spendAlert.get()) {
            events.add("spend_alert");
        }
        if (dailyLeaderboard.get()) {
            events.add("daily_leaderboard");
        }
        var percent = r.money("spendThreshold", spendThresholdPercent.get());
        return new WebhookRequest(name.get(), kind.get(), Parse.text(url.get()), Parse.text(secret.get()),
                Parse.text(chatId.get()), events, percent == null ? null : percent.movePointLeft(2), dailyAt.get(),
                enabled.get());
    }

    private void validate() {
        FormReader r = new FormReader();
        List<dev.cch.protocol.admin.FieldError> all = new ArrayList<>(r.with(request(r).validate()));
        // a stored telegram token may be kept on edit
        all.removeIf(e -> id != null && "secret".equals(e.field()) && secretHint.get().length() > 0);
        errors.set(all);
    }

    public void save() {
        validate();
        if (errors.anyProperty().get()) {
            return;
        }
        WebhookRequest req = request(new FormReader());
        Long target = id;
        CatalogEdits.save(activity, hooks, errors,
                () -> target == null ? client.createWebhook(req) : client.updateWebhook(target, req),
                w -> "Saved notification target " + w.name() + ".");
    }

    public void delete() {
        CatalogEdits.deleteSelected(activity, hooks, w -> client.deleteWebhook(w.id()), this::createNew,
                w -> "Deleted notification target " + w.name() + ".");
    }

    public void test() {
        WebhookView w = hooks.selectedProperty().get();
        if (w == null) {
            activity.fail("Save the target first, then send a test.");
            return;
        }
        activity.run(() -> client.testWebhook(w.id()), r -> report(w, r));
    }

    private void report(WebhookView w, WebhookTestResult r) {
        String text = (r.delivered() ? "Test message delivered to " : "Test message NOT delivered to ") + w.name()
                + (r.status() == null ? "" : " (HTTP " + r.status() + ")") + " in " + r.latencyMs() + " ms"
                + (r.message() == null || r.message().isBlank() ? "." : ": " + r.message());
        if (r.delivered()) {
            activity.succeed(text);
        } else {
            activity.fail(text);
        }
    }

    public Activity activity() {
        return activity;
    }

    public Catalog<WebhookView> hooks() {
        return hooks;
    }

    public FieldErrors errors() {
        return errors;
    }

    public BooleanBinding cannotSave() {
        return cannotSave;
    }

    public ReadOnlyStringProperty secretHintProperty() {
        return secretHint.getReadOnlyProperty();
    }
}
