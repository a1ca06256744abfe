package dev.cch.admin.tasks;

import javafx.application.Platform;

import java.util.function.Consumer;

/** Runs work on a virtual thread and delivers the outcome on the JavaFX application thread. */
public final class FxTaskRunner implements TaskRunner {
    @Override
    public <T> void run(Work<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
        Thread.ofVirtual().name("cch-admin-task").start(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Exception e) {
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }

    @Override
    public void later(Runnable action) {
        Platform.runLater(action);
    }
}
