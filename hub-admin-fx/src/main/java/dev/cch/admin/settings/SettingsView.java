package dev.cch.admin.settings;

import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** The settings screen: one tab per kind of setting. */
public final class SettingsView {
    private final SettingsViewModel vm;

    public SettingsView(SettingsViewModel vm) {
        this.vm = vm;
    }

    public Parent createView() {
        TabPane tabs = new TabPane(
                new Tab("General", new GeneralSettingsPane(vm.general()).createView()),
                new Tab("Sensitive words", new SensitiveWordsPane(vm.words()).createView()),
                new Tab("Error rules", new ErrorRulesPane(vm.rules()).createView()),
                new Tab("Notifications", new WebhooksPane(vm.webhooks()).createView()),
                new Tab("Provider groups", new ProviderGroupsPane(vm.groups()).createView()));
        tabs.setId("settingsTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }
}
