package dev.cch.admin.settings;

import dev.cch.admin.api.HubClient;
import dev.cch.admin.tasks.TaskRunner;

/** The settings screen: general settings, sensitive words, error rules, notification targets, provider groups. */
public final class SettingsViewModel {
    private final GeneralSettingsViewModel general;
    private final SensitiveWordsViewModel words;
    private final ErrorRulesViewModel rules;
    private final WebhooksViewModel webhooks;
    private final ProviderGroupsViewModel groups;

    public SettingsViewModel(HubClient client, TaskRunner tasks) {
        this.general = new GeneralSettingsViewModel(client, tasks);
        this.words = new SensitiveWordsViewModel(client, tasks);
        this.rules = new ErrorRulesViewModel(client, tasks);
        this.webhooks = new WebhooksViewModel(client, tasks);
        this.groups = new ProviderGroupsViewModel(client, tasks);
    }

    /** Loads every tab; each reports its own failure (an endpoint the hub lacks does not blank the others). */
    public void load() {
        general.load();
        words.load();
        rules.load();
        webhooks.load();
        groups.load();
    }

    public GeneralSettingsViewModel general() {
        return general;
    }

    public SensitiveWordsViewModel words() {
        return words;
    }

    public ErrorRulesViewModel rules() {
        return rules;
    }

    public WebhooksViewModel webhooks() {
        return webhooks;
    }

    public ProviderGroupsViewModel groups() {
        return groups;
    }
}
