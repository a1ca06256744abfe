package dev.cch.admin.common;

import dev.cch.admin.api.HubException;
import dev.cch.admin.tasks.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.function.Consumer;

/**
 * The busy flag and the one-line outcome of a screen's calls to the hub. Every view-model owns one; views show it as
 * a progress indicator and a message banner. Failures become readable sentences.
 */
public final class Activity {
    private final TaskRunner tasks;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper();
    private int running;

    public Activity(TaskRunner tasks) {
        this.tasks = tasks;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True when {@link #messageProperty()} reports a failure rather than a success. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public <T> void run(TaskRunner.Work<T> work, Consumer<T> onSuccess) {
        run(work, onSuccess, e -> { });
    }

    /** Runs {@code work} off the UI thread; {@code onFailure} runs after the message is set (e.g. to show field errors). */
    public <T> void run(TaskRunner.Work<T> work, Consumer<T> onSuccess, Consumer<HubException> onFailure) {
        running++;
        busy.set(true);
        tasks.run(work, result -> {
            done();
            onSuccess.accept(result);
        }, e -> {
            done();
            HubException h = e instanceof HubException he ? he
                    : new HubException(HubException.Kind.SERVER, "Something went wrong: " + e);
            fail(h.getMessage());
            onFailure.accept(h);
        });
    }

    public void succeed(String text) {
        failed.set(false);
        message.set(text);
    }

    public void fail(String text) {
        failed.set(true);
        message.set(text);
    }

    public void clear() {
        failed.set(false);
        message.set("");
    }

    private void done() {
        running--;
        busy.set(running > 0);
    }
}
