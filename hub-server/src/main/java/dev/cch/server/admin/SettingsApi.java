package dev.cch.server.admin;

import dev.cch.protocol.admin.FieldError;
import dev.cch.protocol.admin.SettingsView;
import dev.cch.server.settings.RuntimeSettings;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.ArrayList;
import java.util.List;

/** {@code /api/v1/settings}: read and replace the run-time settings; every node applies a change at once. */
public final class SettingsApi implements AdminRoute.Service {
    private final RuntimeSettings settings;
    private final AdminIo io;
    private final AuditLog audit;
    private final AdminChanges changes;
    private final AddressGuard guard;

    /** @param blockPrivateAddresses refuse a price source inside the network (the sync refuses it again at connect) */
    public SettingsApi(RuntimeSettings settings, AdminIo io, AuditLog audit, AdminChanges changes,
                       boolean blockPrivateAddresses) {
        this.guard = new AddressGuard(blockPrivateAddresses);
        this.settings = settings;
        this.io = io;
        this.audit = audit;
        this.changes = changes;
    }

    @Override
    public String root() {
        return "/api/v1/settings";
    }

    @Override
    public List<AdminRoute> routes() {
        return List.of(
                AdminRoute.get("/", (req, res) -> io.ok(res, settings.current())),
                AdminRoute.put("/", this::replace));
    }

    private void replace(ServerRequest req, ServerResponse res) {
        io.read(req, res, SettingsView.class).ifPresent(v -> {
            List<FieldError> errors = new ArrayList<>(v.validate());
            // a local file is only allowed as configured by the operator, never named through the API
            String url = v.priceSyncUrl();
            if (!url.isEmpty() && !url.startsWith("http://") && !url.startsWith("https://")
                    && !url.equals(settings.defaults().priceSyncUrl())) {
                errors.add(new FieldError("priceSyncUrl", "must be an http(s) URL or empty"));
            }
            guard.check("priceSyncUrl", url, errors);
            if (!errors.isEmpty()) {
                io.invalid(res, errors);
                return;
            }
            SettingsView before = settings.current();
            settings.replace(v);
            audit.record(AdminAuth.actor(req), "settings.update", "settings", null, "settings", before, v);
            changes.settingsChanged();
            io.ok(res, settings.current());
        });
    }
}
