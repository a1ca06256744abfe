package dev.cch.admin.common;

import dev.cch.admin.tasks.TaskRunner;

import java.util.function.Function;

/** Saving and deleting an item of a {@link Catalog} through the hub, the same way on every editor screen. */
public final class CatalogEdits {
    /** Deletes one item on the hub. */
    public interface Removal<V> {
        void remove(V item) throws Exception;
    }

    private CatalogEdits() {
    }

    /**
     * Creates or updates through {@code call}: the saved item replaces its row and {@code saved} says so; the hub's
     * field errors land on the form.
     */
    public static <V> void save(Activity activity, Catalog<V> catalog, FieldErrors errors, TaskRunner.Work<V> call,
                                Function<V, String> saved) {
        activity.run(call, v -> {
            catalog.put(v);
            activity.succeed(saved.apply(v));
        }, e -> errors.set(e.fieldErrors()));
    }

    /** Deletes the selected item, if any; the editor then starts a new one ({@code createNew}) and reports it. */
    public static <V> void deleteSelected(Activity activity, Catalog<V> catalog, Removal<V> call, Runnable createNew,
                                          Function<V, String> deleted) {
        V item = catalog.selectedProperty().get();
        if (item == null) {
            return;
        }
        activity.run(() -> {
            call.remove(item);
            return item;
        }, x -> {
            catalog.remove(x);
            createNew.run();
            activity.succeed(deleted.apply(x));
        });
    }
}
