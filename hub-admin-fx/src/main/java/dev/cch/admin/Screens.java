package dev.cch.admin;

import dev.cch.admin.api.HubClient;
import dev.cch.admin.audit.AuditView;
import dev.cch.admin.audit.AuditViewModel;
import dev.cch.admin.logs.LogsView;
import dev.cch.admin.logs.LogsViewModel;
import dev.cch.admin.prices.PricesView;
import dev.cch.admin.prices.PricesViewModel;
import dev.cch.admin.settings.SettingsView;
import dev.cch.admin.settings.SettingsViewModel;
import dev.cch.admin.sessions.SessionsView;
import dev.cch.admin.sessions.SessionsViewModel;
import dev.cch.admin.dashboard.DashboardView;
import dev.cch.admin.dashboard.DashboardViewModel;
import dev.cch.admin.leaderboard.LeaderboardView;
import dev.cch.admin.leaderboard.LeaderboardViewModel;
import dev.cch.admin.live.LiveFeed;
import dev.cch.admin.providers.ProvidersView;
import dev.cch.admin.providers.ProvidersViewModel;
import dev.cch.admin.shell.Screen;
import dev.cch.admin.shell.Section;
import dev.cch.admin.shell.ShellView;
import dev.cch.admin.shell.ShellViewModel;
import dev.cch.admin.tasks.TaskRunner;
import dev.cch.admin.users.UsersView;
import dev.cch.admin.users.UsersViewModel;
import javafx.beans.property.BooleanProperty;
import javafx.scene.Parent;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Wires every screen's view-model to the client once connected; part of the composition root. */
public final class Screens {
    private final HubClient client;
    private final TaskRunner tasks;
    private final LiveFeed feed;
    private final BooleanProperty dark;

    public Screens(HubClient client, TaskRunner tasks, LiveFeed feed, BooleanProperty dark) {
        this.client = client;
        this.tasks = tasks;
        this.feed = feed;
        this.dark = dark;
    }

    public Parent shell() {
        ShellViewModel shell = new ShellViewModel(client.serverUrl(), feed, dark);
        return new ShellView(shell, screens(shell)).createView();
    }

    public List<Screen> screens(ShellViewModel shell) {
        List<Screen> all = new ArrayList<>();
        DashboardViewModel dashboard = new DashboardViewModel(client, tasks, feed);
        all.add(new Screen(Section.DASHBOARD, () -> new DashboardView(dashboard).createView(), dashboard::load));
        LeaderboardViewModel leaderboard = new LeaderboardViewModel(client, tasks, ZoneId.systemDefault());
        all.add(new Screen(Section.LEADERBOARDS, () -> new LeaderboardView(leaderboard).createView(), leaderboard::load));
        ProvidersViewModel providers = new ProvidersViewModel(client, tasks, feed, Clock.systemUTC());
        all.add(new Screen(Section.PROVIDERS, () -> new ProvidersView(providers).createView(), providers::load));
        UsersViewModel users = new UsersViewModel(client, tasks, Clock.systemDefaultZone());
        all.add(new Screen(Section.USERS, () -> new UsersView(users).createView(), users::load));
        LogsViewModel logs = new LogsViewModel(client, tasks, ZoneId.systemDefault());
        all.add(new Screen(Section.LOGS, () -> new LogsView(logs).createView(), () -> {
            if (logs.rows().isEmpty()) {
                logs.search();
            }
        }));
        SessionsViewModel sessions = new SessionsViewModel(client, tasks, Clock.systemUTC(), id -> {
            logs.showSession(id);
            shell.show(Section.LOGS);
        });
        all.add(new Screen(Section.SESSIONS, () -> new SessionsView(sessions).createView(), sessions::load));
        PricesViewModel prices = new PricesViewModel(client, tasks);
        all.add(new Screen(Section.PRICES, () -> new PricesView(prices).createView(), prices::load));
        SettingsViewModel settings = new SettingsViewModel(client, tasks);
        all.add(new Screen(Section.SETTINGS, () -> new SettingsView(settings).createView(), settings::load));
        AuditViewModel audit = new AuditViewModel(client, tasks);
        all.add(new Screen(Section.AUDIT, () -> new AuditView(audit).createView(), audit::load));
        return all;
    }
}
