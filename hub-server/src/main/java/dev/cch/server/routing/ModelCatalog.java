package dev.cch.server.routing;

import dev.cch.protocol.ClientProtocol;
import dev.cch.protocol.admin.ModelRedirect;
import dev.cch.protocol.match.MatchType;
import dev.cch.server.billing.Price;
import dev.cch.server.pipeline.Principal;
import dev.cch.server.providers.Provider;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The models a key can reach: for each enabled provider in its groups, the models its allow-list names exactly and
 * the names its redirects accept; a provider without an exact allow-list offers the priced models of its vendor.
 */
public final class ModelCatalog {
    private final Supplier<List<Provider>> providers;
    private final Supplier<List<Price>> prices;

    /** One model and who serves it. */
    public record Model(String id, String ownedBy) {
    }

    public ModelCatalog(Supplier<List<Provider>> providers, Supplier<List<Price>> prices) {
        this.providers = providers;
        this.prices = prices;
    }

    public List<Model> models(Principal principal) {
        List<String> groups = principal.groups();
        boolean all = groups.contains("*");
        Map<String, Model> out = new TreeMap<>();
        for (Provider p : providers.get()) {
            if (!p.enabled() || !(all || p.groupTags().stream().anyMatch(groups::contains))) {
                continue;
            }
            String owner = vendor(p.type().protocol());
            List<String> exact = p.models().exactNames();
            if (exact.isEmpty()) {
                prices.get().stream().filter(x -> owner.equalsIgnoreCase(x.vendor()))
                        .forEach(x -> out.putIfAbsent(x.model(), new Model(x.model(), owner)));
            } else {
                exact.forEach(m -> out.putIfAbsent(m, new Model(m, owner)));
            }
            for (ModelRedirect r : p.models().redirectRules()) {
                if (r.match() == MatchType.EXACT) {
                    out.putIfAbsent(r.source(), new Model(r.source(), owner));
                }
            }
        }
        // a user limited to some models sees only those (the same rule the access list enforces on requests)
        List<String> allowed = principal.user().allowedModels();
        return out.values().stream()
                .filter(m -> allowed.isEmpty() || allowed.stream().anyMatch(a -> a.equalsIgnoreCase(m.id())))
                .toList();
    }

    static String vendor(ClientProtocol protocol) {
        return switch (protocol) {
            case ANTHROPIC -> "anthropic";
            case OPENAI_CHAT, OPENAI_RESPONSES -> "openai";
            case GEMINI -> "google";
        };
    }

}
