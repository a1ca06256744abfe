package dev.cch.admin.shell;

import dev.cch.admin.live.LiveFeed;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The frame around the screens: which section is shown, the theme, and the live stream's state. */
public final class ShellViewModel {
    private final String serverUrl;
    private final LiveFeed feed;
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(Section.DASHBOARD);
    private final BooleanProperty dark;

    public ShellViewModel(String serverUrl, LiveFeed feed, BooleanProperty dark) {
        this.serverUrl = serverUrl;
        this.feed = feed;
        this.dark = dark == null ? new SimpleBooleanProperty() : dark;
    }

    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public String serverUrl() {
        return serverUrl;
    }

    public ReadOnlyStringProperty liveStatusProperty() {
        return feed.statusProperty();
    }

    public ReadOnlyObjectProperty<LiveFeed.State> liveStateProperty() {
        return feed.stateProperty();
    }

    public void show(Section s) {
        section.set(s);
    }
}
