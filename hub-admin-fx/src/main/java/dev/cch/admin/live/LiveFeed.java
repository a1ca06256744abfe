package dev.cch.admin.live;

import dev.cch.admin.api.HubClient;
import dev.cch.admin.api.HubException;
import dev.cch.admin.tasks.TaskRunner;
import dev.cch.protocol.admin.LiveEvent;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Keeps the hub's live event stream open: reconnects by itself with growing pauses (1 s doubling to 30 s) and
 * resumes with {@code Last-Event-ID} so no event is seen twice. Listeners get events on the UI thread.
 */
public final class LiveFeed {
    static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    /** Where the stream stands. */
    public enum State { STOPPED, CONNECTING, LIVE, RECONNECTING }

    /** How the feed waits between attempts; tests pass one that does not sleep. */
    @FunctionalInterface
    public interface Pause {
        void sleep(Duration d) throws InterruptedException;
    }

    private final HubClient client;
    private final TaskRunner tasks;
    private final Pause pause;
    private final List<Consumer<LiveEvent>> listeners = new CopyOnWriteArrayList<>();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.STOPPED);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Live updates off");
    private volatile String lastEventId;
    private volatile boolean running;
    private volatile boolean sawEvent;
    private Thread reader;

    public LiveFeed(HubClient client, TaskRunner tasks, Pause pause) {
        this.client = client;
        this.tasks = tasks;
        this.pause = pause;
    }

    public LiveFeed(HubClient client, TaskRunner tasks) {
        this(client, tasks, d -> Thread.sleep(d.toMillis()));
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public String lastEventId() {
        return lastEventId;
    }

    public void subscribe(Consumer<LiveEvent> listener) {
        listeners.add(listener);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        reader = Thread.ofVirtual().name("cch-live-feed").start(this::follow);
    }

    public synchronized void stop() {
        running = false;
        if (reader != null) {
            reader.interrupt();
            reader = null;
        }
        show(State.STOPPED, "Live updates off");
    }

    /** Hands one event to the listeners (on the UI thread); the stream reader calls this for each event. */
    public void accept(String id, LiveEvent event) {
        if (id != null) {
            lastEventId = id;
        }
        if (!sawEvent) {
            sawEvent = true;
            show(State.LIVE, "Live");
        }
        tasks.later(() -> listeners.forEach(l -> l.accept(event)));
    }

    private void follow() {
        Duration wait = FIRST_PAUSE;
        show(State.CONNECTING, "Connecting to the live stream …");
        while (running) {
            sawEvent = false;
            String why;
            try {
                client.followEvents(lastEventId, this::accept);
                why = "The hub closed the live stream.";
            } catch (HubException e) {
                why = e.getMessage();
            }
            if (!running) {
                return;
            }
            if (sawEvent) {
                wait = FIRST_PAUSE; // it was healthy for a while: start the backoff over
            }
            show(State.RECONNECTING, "Reconnecting in " + wait.toSeconds() + " s — " + why);
            try {
                pause.sleep(wait);
            } catch (InterruptedException e) {
                return;
            }
            wait = wait.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : wait.multipliedBy(2);
        }
    }

    private void show(State s, String text) {
        tasks.later(() -> {
            state.set(s);
            status.set(text);
        });
    }
}
