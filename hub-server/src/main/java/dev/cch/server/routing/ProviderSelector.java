package dev.cch.server.routing;

import dev.cch.server.pipeline.DecisionChain;
import dev.cch.server.pipeline.Principal;
import dev.cch.server.providers.Provider;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Chooses which providers to try for a request, in order. Filters run in a fixed order (group, enabled, active
 * window, protocol, model, health), each recording what it dropped and why; the survivors are ordered by priority
 * tier (lowest first, per-group overrides applied) and, within a tier, by weighted random draws without
 * replacement. The first provider of the plan is the selection; the rest are the failover order.
 */
public final class ProviderSelector {
    private final Supplier<List<Provider>> providers;
    private final ProtocolSupport protocols;
    private final Clock clock;
    private final Supplier<ZoneId> zone;
    private final RandomGenerator random;

    /**
     * What a selection needs to know about the request.
     *
     * @param nativeOnly only providers that speak the client's protocol themselves (token counting cannot be
     *                   converted)
     */
    public record Ask(Principal principal, dev.cch.protocol.ClientProtocol protocol, String model, boolean nativeOnly) {
        public Ask(Principal principal, dev.cch.protocol.ClientProtocol protocol, String model) {
            this(principal, protocol, model, false);
        }
    }

    public ProviderSelector(Supplier<List<Provider>> providers, ProtocolSupport protocols,
                            Clock clock, Supplier<ZoneId> zone, RandomGenerator random) {
        this.providers = providers;
        this.protocols = protocols;
        this.clock = clock;
        this.zone = zone;
        this.random = random;
    }

    /** The eligible providers in the order they should be tried; empty if none can serve the request. */
    public List<Provider> plan(Ask ask, ProviderHealth health, DecisionChain chain) {
        List<Provider> pool = eligible(ask, health, chain);
        return order(pool, ask.principal().groups(), chain);
    }

    /** Every provider that passes all filters, in catalogue order. */
    public List<Provider> eligible(Ask ask, ProviderHealth health, DecisionChain chain) {
        List<String> groups = ask.principal().groups();
        boolean anyGroup = groups.contains("*");
        LocalTime now = LocalTime.now(clock.withZone(zone.get()));
        List<Provider> pool = providers.get();
        pool = filter(chain, "group", pool, p -> anyGroup || p.groupTags().stream().anyMatch(groups::contains),
                p -> "not in group " + String.join(",", groups));
        pool = filter(chain, "enabled", pool, Provider::enabled, p -> "disabled");
        pool = filter(chain, "active-window", pool, p -> p.activeWindow().map(w -> w.contains(now)).orElse(true),
                p -> "outside active hours " + p.activeWindow().map(w -> w.start() + "-" + w.end()).orElse(""));
        pool = filter(chain, "protocol", pool, p -> ask.nativeOnly()
                        ? ProtocolSupport.NATIVE_ONLY.canServe(p.type(), ask.protocol()) && p.type() != dev.cch.protocol.ProviderType.GEMINI_CLI
                        : protocols.canServe(p.type(), ask.protocol()),
                p -> p.type().wireName() + " cannot serve " + ask.protocol().wireName());
        pool = filter(chain, "model", pool, p -> p.models().allows(ask.model()),
                p -> "model " + ask.model() + " not allowed");
        List<Provider> healthy = new ArrayList<>();
        List<DecisionChain.Dropped> dropped = new ArrayList<>();
        for (Provider p : pool) {
            String why = health.unavailableReason(p);
            if (why == null) {
                healthy.add(p);
            } else {
                dropped.add(new DecisionChain.Dropped(p.id(), p.name(), why));
            }
        }
        chain.filter("health", candidates(healthy), dropped);
        return healthy;
    }

    /** Orders eligible providers: tiers by priority, weighted random within a tier. */
    public List<Provider> order(List<Provider> pool, List<String> groups, DecisionChain chain) {
        Map<Integer, List<Provider>> tiers = new TreeMap<>();
        for (Provider p : pool) {
            tiers.computeIfAbsent(p.priorityFor(groups), k -> new ArrayList<>()).add(p);
        }
        List<Provider> plan = new ArrayList<>(pool.size());
        boolean first = true;
        for (Map.Entry<Integer, List<Provider>> tier : tiers.entrySet()) {
            List<Provider> members = tier.getValue();
            if (first) {
                chain.tier(tier.getKey(), probabilities(members, tier.getKey()));
                first = false;
            }
            plan.addAll(weightedShuffle(members));
        }
        return plan;
    }

    private List<DecisionChain.Candidate> probabilities(List<Provider> members, int priority) {
        long total = members.stream().mapToLong(p -> Math.max(0, p.weight())).sum();
        return members.stream().map(p -> new DecisionChain.Candidate(p.id(), p.name(), priority, p.weight(),
                total == 0 ? 1.0 / members.size() : (double) Math.max(0, p.weight()) / total)).toList();
    }

    /** Draws providers one by one with chance proportional to weight; all-zero weights draw uniformly. */
    List<Provider> weightedShuffle(List<Provider> members) {
        List<Provider> left = new ArrayList<>(members);
        left.sort(Comparator.comparingLong(Provider::id));
        List<Provider> out = new ArrayList<>(left.size());
        while (!left.isEmpty()) {
            long total = 0;
            for (Provider p : left) {
                total += Math.max(0, p.weight());
            }
            int pick;
            if (total == 0) {
                pick = random.nextInt(left.size());
            } else {
                long r = random.nextLong(total);
                pick = 0;
                for (int i = 0; i < left.size(); i++) {
                    r -= Math.max(0, left.get(i).weight());
                    if (r < 0) {
                        pick = i;
                        break;
                    }
                }
            }
            out.add(left.remove(pick));
        }
        return out;
    }

    private static List<Provider> filter(DecisionChain chain, String stage, List<Provider> in, Predicate<Provider> keep,
                                         java.util.function.Function<Provider, String> reason) {
        List<Provider> kept = new ArrayList<>(in.size());
        List<DecisionChain.Dropped> dropped = new ArrayList<>();
        for (Provider p : in) {
            if (keep.test(p)) {
                kept.add(p);
            } else {
                dropped.add(new DecisionChain.Dropped(p.id(), p.name(), reason.apply(p)));
            }
        }
        if (!dropped.isEmpty()) {
            chain.filter(stage, candidates(kept), dropped);
        }
        return kept;
    }

    private static List<DecisionChain.Candidate> candidates(List<Provider> ps) {
        return ps.stream().map(p -> new DecisionChain.Candidate(p.id(), p.name(), p.priority(), p.weight(), 0)).toList();
    }
}
