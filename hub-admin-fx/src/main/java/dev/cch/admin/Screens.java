package dev.cch.admin;

import dev.cch.admin.api.HubClient;
import dev.cch.admin.dashboard.DashboardView;
import dev.cch.admin.dashboard.DashboardViewModel;
import dev.cch.admin.live.LiveFeed;
import dev.cch.admin.shell.Screen;
import dev.cch.admin.shell.Section;
import dev.cch.admin.shell.ShellView;
import dev.cch.admin.shell.ShellViewModel;
import dev.cch.admin.tasks.TaskRunner;
import javafx.beans.property.BooleanProperty;
import javafx.scene.Parent;

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
        return new ShellView(new ShellViewModel(client.serverUrl(), feed, dark), screens()).createView();
    }

    public List<Screen> screens() {
        List<Screen> all = new ArrayList<>();
        DashboardViewModel dashboard = new DashboardViewModel(client, tasks, feed);
        all.add(new Screen(Section.DASHBOARD, () -> new DashboardView(dashboard).createView(), dashboard::load));
        return all;
    }
}
