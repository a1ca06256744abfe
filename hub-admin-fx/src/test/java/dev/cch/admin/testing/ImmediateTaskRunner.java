package dev.cch.admin.testing;

import dev.cch.admin.tasks.TaskRunner;

import java.util.function.Consumer;

/** Runs work on the calling thread: view-model tests need no threads and no waiting. */
public final class ImmediateTaskRunner implements TaskRunner {
    @Override
    public <T> void run(Work<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void later(Runnable action) {
        action.run();
    }
}
