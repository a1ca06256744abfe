package dev.cch.admin.tasks;

import java.util.function.Consumer;

/** Runs slow work off the UI thread and hands the result back on it. Tests use one that runs at once. */
public interface TaskRunner {
    <T> void run(Work<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure);

    /** Runs {@code action} on the UI thread (from a background thread such as the live stream's reader). */
    void later(Runnable action);

    /** Work that may fail. */
    @FunctionalInterface
    interface Work<T> {
        T call() throws Exception;
    }
}
