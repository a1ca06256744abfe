package dev.cch.admin.testing;

import dev.cch.admin.tasks.TaskRunner;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/** Holds work until the test releases it, to see what a screen shows while it waits (progress, disabled buttons). */
public final class ManualTaskRunner implements TaskRunner {
    private final Deque<Runnable> pending = new ArrayDeque<>();

    @Override
    public <T> void run(Work<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
        pending.add(() -> new ImmediateTaskRunner().run(work, onSuccess, onFailure));
    }

    @Override
    public void later(Runnable action) {
        action.run();
    }

    /** Runs everything queued so far, and anything that queues meanwhile. */
    public void runAll() {
        while (!pending.isEmpty()) {
            pending.poll().run();
        }
    }

    public int waiting() {
        return pending.size();
    }
}
