package dev.cch.admin.tasks;

import java.util.function.Consumer;

/** Runs slow work off the UI thread and hands the result back on it. Tests use one that runs at once. */
public interface TaskRunner {
    <T> void run(Work<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure);

    /** Work that may fail. */
    @FunctionalInterface
    interface Work<T> {
        T call() throws Exception;
    }
}
