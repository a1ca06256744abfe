package dev.cch.admin.shell;

/** The screens of the control panel, in the order of the navigation. */
public enum Section {
    DASHBOARD("Dashboard"),
    LEADERBOARDS("Leaderboards"),
    PROVIDERS("Providers"),
    USERS("Users & keys"),
    LOGS("Request log"),
    SESSIONS("Sessions"),
    PRICES("Prices"),
    SETTINGS("Settings"),
    AUDIT("Audit log");

    private final String title;

    Section(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
