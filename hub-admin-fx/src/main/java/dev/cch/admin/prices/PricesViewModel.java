package dev.cch.admin.prices;

import dev.cch.admin.api.HubClient;
import dev.cch.admin.common.Activity;
import dev.cch.admin.common.Catalog;
import dev.cch.admin.common.CatalogEdits;
import dev.cch.admin.common.FieldErrors;
import dev.cch.admin.common.FormReader;
import dev.cch.admin.common.Parse;
import dev.cch.admin.tasks.TaskRunner;
import dev.cch.protocol.admin.MissingPriceView;
import dev.cch.protocol.admin.Page;
import dev.cch.protocol.admin.PriceRequest;
import dev.cch.protocol.admin.PriceSyncResult;
import dev.cch.protocol.admin.PriceView;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/** The price table (USD per million tokens): search, edit by hand, sync from the configured source, missing models. */
public final class PricesViewModel {
    static final int PAGE = 200;

    private final HubClient client;
    private final Activity activity;
    private final Catalog<PriceView> prices = new Catalog<>(PriceView::id);
    private final ObservableList<MissingPriceView> missing = FXCollections.observableArrayList();
    private final FieldErrors errors = new FieldErrors();
    private final ReadOnlyBooleanWrapper syncing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("New price");
    private final BooleanProperty more = new SimpleBooleanProperty();
    private final BooleanBinding cannotSave;
    private String cursor;
    private Long id;

    public final StringProperty search = new SimpleStringProperty("");
    public final StringProperty model = new SimpleStringProperty("");
    public final StringProperty vendor = new SimpleStringProperty("");
    public final StringProperty input = new SimpleStringProperty("");
    public final StringProperty output = new SimpleStringProperty("");
    public final StringProperty cacheWrite5m = new SimpleStringProperty("");
    public final StringProperty cacheWrite1h = new SimpleStringProperty("");
    public final StringProperty cacheRead = new SimpleStringProperty("");
    public final StringProperty longThreshold = new SimpleStringProperty("");
    public final StringProperty inputLong = new SimpleStringProperty("");
    public final StringProperty outputLong = new SimpleStringProperty("");
    public final StringProperty aliases = new SimpleStringProperty("");

    public PricesViewModel(HubClient client, TaskRunner tasks) {
        this.client = client;
        this.activity = new Activity(tasks);
        for (Observable o : List.of(model, vendor, input, output, cacheWrite5m, cacheWrite1h, cacheRead, longThreshold,
                inputLong, outputLong)) {
            o.addListener(x -> validate());
        }
        prices.selectedProperty().addListener((o, was, now) -> {
            if (now != null) {
                edit(now);
            }
        });
        cannotSave = Bindings.createBooleanBinding(() -> activity.busyProperty().get() || errors.anyProperty().get(),
                activity.busyProperty(), errors.anyProperty());
        createNew();
    }

    public void load() {
        String s = search.get();
        activity.run(() -> client.prices(s, null, PAGE), p -> {
            prices.setAll(p.items());
            page(p);
        });
        activity.run(client::missingPrices, missing::setAll);
    }

    public void loadMore() {
        String s = search.get();
        String c = cursor;
        if (c != null) {
            activity.run(() -> client.prices(s, c, PAGE), p -> {
                prices.items().addAll(p.items());
                page(p);
            });
        }
    }

    private void page(Page<?> p) {
        cursor = p.nextCursor();
        more.set(cursor != null);
    }

    public void sync() {
        syncing.set(true);
        activity.succeed("Syncing prices …");
        activity.run(client::syncPrices, r -> {
            syncing.set(false);
            load();
            activity.succeed(describe(r));
        }, e -> syncing.set(false));
    }

    static String describe(PriceSyncResult r) {
        return "Synced from " + r.source() + ": " + r.added() + " added, " + r.updated() + " updated, " + r.unchanged()
                + " unchanged, " + r.keptManual() + " manual kept, " + r.removed() + " removed.";
    }

    public void createNew() {
        prices.selectedProperty().set(null);
        id = null;
        title.set("New price");
        fill(new PriceRequest("", "", null, null, null, null, null, null, null, null, null));
    }

    /** Starts a price for a model that was requested without one. */
    public void priceMissing(MissingPriceView m) {
        createNew();
        model.set(m.model());
    }

    private void edit(PriceView p) {
        id = p.id();
        title.set(p.model() + " (" + p.source() + ")");
        fill(new PriceRequest(p.model(), p.vendor(), p.inputPerMTok(), p.outputPerMTok(), p.cacheWrite5mPerMTok(),
                p.cacheWrite1hPerMTok(), p.cacheReadPerMTok(), p.longContextThreshold(), p.inputLongPerMTok(),
                p.outputLongPerMTok(), p.aliases()));
    }

    private void fill(PriceRequest r) {
        model.set(r.model());
        vendor.set(r.vendor());
        input.set(Parse.show(r.inputPerMTok()));
        output.set(Parse.show(r.outputPerMTok()));
        cacheWrite5m.set(Parse.show(r.cacheWrite5mPerMTok()));
        cacheWrite1h.set(Parse.show(r.cacheWrite1hPerMTok()));
        cacheRead.set(Parse.show(r.cacheReadPerMTok()));
        longThreshold.set(Parse.show(r.longContextThreshold()));
        inputLong.set(Parse.show(r.inputLongPerMTok()));
        outputLong.set(Parse.show(r.outputLongPerMTok()));
        aliases.set(String.join(", ", r.aliases()));
        validate();
    }

    PriceRequest request(FormReader r) {
        return new PriceRequest(model.get(), vendor.get(), r.money("inputPerMTok", input.get()),
                r.money("outputPerMTok", output.get()), r.money("cacheWrite5mPerMTok", cacheWrite5m.get()),
                r.money("cacheWrite1hPerMTok", cacheWrite1h.get()), r.money("cacheReadPerMTok", cacheRead.get()),
                r.integer("longContextThreshold", longThreshold.get()), r.money("inputLongPerMTok", inputLong.get()),
                r.money("outputLongPerMTok", outputLong.get()), Parse.list(aliases.get()));
    }

    private void validate() {
        FormReader r = new FormReader();
        errors.set(r.with(request(r).validate()));
    }

    public void save() {
        validate();
        if (errors.anyProperty().get()) {
            activity.fail("Fix the fields marked in red first.");
            return;
        }
        PriceRequest req = request(new FormReader());
        Long target = id;
        CatalogEdits.save(activity, prices, errors,
                () -> target == null ? client.createPrice(req) : client.updatePrice(target, req), p -> {
            // a model that now has a price leaves the "without price" list
            missing.removeIf(m -> m.model().equals(p.model()));
            return "Saved the price of " + p.model() + "; a sync will not overwrite it.";
        });
    }

    public void delete() {
        CatalogEdits.deleteSelected(activity, prices, p -> client.deletePrice(p.id()), this::createNew,
                p -> "Deleted the price of " + p.model() + ".");
    }

    public Activity activity() {
        return activity;
    }

    public Catalog<PriceView> prices() {
        return prices;
    }

    public ObservableList<MissingPriceView> missing() {
        return missing;
    }

    public FieldErrors errors() {
        return errors;
    }

    public BooleanBinding cannotSave() {
        return cannotSave;
    }

    public ReadOnlyBooleanProperty syncingProperty() {
        return syncing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public BooleanProperty moreProperty() {
        return more;
    }
}
