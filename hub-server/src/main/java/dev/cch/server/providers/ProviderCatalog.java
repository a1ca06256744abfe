package dev.cch.server.providers;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The providers routing sees, as one immutable snapshot replaced whenever an admin changes a provider, so the
 * hot path never touches the database.
 */
public final class ProviderCatalog {
    private final Supplier<List<Provider>> loader;
    private volatile List<Provider> snapshot = List.of();

    public ProviderCatalog(Supplier<List<Provider>> loader) {
        this.loader = loader;
    }

    public void reload() {
        snapshot = List.copyOf(loader.get());
    }

    public List<Provider> all() {
        return snapshot;
    }

    public Optional<Provider> byId(long id) {
        for (Provider p : snapshot) {
            if (p.id() == id) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
