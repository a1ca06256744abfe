package dev.cch.admin.settings;

import atlantafx.base.theme.Styles;
import dev.cch.admin.common.CatalogTable;
import dev.cch.admin.common.Columns;
import dev.cch.admin.common.Formats;
import dev.cch.admin.common.FormGrid;
import dev.cch.admin.common.Inputs;
import dev.cch.protocol.admin.WebhookView;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.util.List;

/** Notification targets beside their editor, with a test message. */
final class WebhooksPane {
    private final WebhooksViewModel vm;

    WebhooksPane(WebhooksViewModel vm) {
        this.vm = vm;
    }

    Parent createView() {
        var table = CatalogTable.of("webhooks", vm.hooks(), "No notification targets.",
                List.of(Columns.text("Name", WebhookView::name, 140),
                        Columns.text("Kind", WebhookView::kind, 80),
                        Columns.text("Events", w -> String.join(", ", w.events()), 200),
                        Columns.styled("State", w -> w.enabled() ? "on" : "off", w -> w.enabled() ? "state-closed" : "state-disabled", 50),
                        Columns.text("Last sent", w -> Formats.moment(w.lastSentAt()) + (w.lastResult() == null ? "" : " · " + w.lastResult()), 180)));
        HBox tools = new HBox(8, Inputs.button("newWebhook", "New target", Feather.PLUS, vm::createNew));
        Button save = Inputs.button("saveWebhook", "Save", Feather.SAVE, vm::save);
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(vm.cannotSave());
        Button test = Inputs.button("testWebhook", "Send test", Feather.SEND, vm::test);
        test.disableProperty().bind(vm.hooks().selectedProperty().isNull());
        Button delete = Inputs.button("deleteWebhook", "Delete", Feather.TRASH_2, vm::delete);
        delete.getStyleClass().add(Styles.DANGER);
        delete.disableProperty().bind(vm.hooks().selectedProperty().isNull());
        PasswordField secret = new PasswordField();
        secret.setId("webhookSecret");
        secret.setPromptText("signing secret or bot token");
        secret.textProperty().bindBidirectional(vm.secret);
        Label hint = new Label();
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.textProperty().bind(vm.secretHintProperty());
        FormGrid f = new FormGrid()
                .field("Name", Inputs.text("webhookName", vm.name, "e.g. ops channel"), vm.errors().of("name"))
                .field("Kind", Inputs.choice("webhookKind", WebhooksViewModel.KINDS, vm.kind), vm.errors().of("kind"))
                .field("URL", Inputs.text("webhookUrl", vm.url, "https://… (not for telegram)"), vm.errors().of("url"))
                .field("Secret", secret, vm.errors().of("secret"))
                .field("", hint)
                .field("Telegram chat", Inputs.text("webhookChat", vm.chatId, "chat id (telegram only)"), vm.errors().of("chatId"))
                .section("Tell it about")
                .field("", new VBox(6, Inputs.check("eventBreaker", "A provider's breaker opens", vm.breakerOpen),
                        Inputs.check("eventSpend", "Spend reaches a share of a limit", vm.spendAlert),
                        Inputs.check("eventDaily", "The daily leaderboard", vm.dailyLeaderboard)))
                .field("Spend alert at (%)", Inputs.text("spendThreshold", vm.spendThresholdPercent, "80"),
                        vm.errors().of("spendThreshold"))
                .field("Leaderboard at", Inputs.text("dailyAt", vm.dailyAt, "HH:mm"), vm.errors().of("dailyAt"))
                .field("", Inputs.check("webhookEnabled", "Enabled", vm.enabled))
                .field("", new HBox(8, save, test, delete));
        return CatalogTable.layout(tools, table, f.node(), vm.activity(), "webhooksMessage");
    }
}
