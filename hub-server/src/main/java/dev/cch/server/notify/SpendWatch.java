package dev.cch.server.notify;

import dev.cch.protocol.admin.Limits;
import dev.cch.server.billing.Cost;
import dev.cch.server.limits.LimitPlans;
import dev.cch.server.limits.Money;
import dev.cch.server.limits.Subject;
import dev.cch.server.limits.Window;
import dev.cch.server.pipeline.Exchange;
import dev.cch.server.pipeline.FinishListener;
import dev.cch.server.pipeline.Principal;
import dev.cch.server.state.StateStore;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Raises a spend alert when a user's or key's spend in one of its limited windows reaches a target's threshold of
 * the limit, once per target, subject and window (claimed in the database, so once across nodes). Runs after the
 * request was settled; the check itself (one state-store read) happens in the background and only for billed
 * requests of subjects with spend limits.
 */
public final class SpendWatch implements FinishListener {
    private final Notifications notifications;
    private final Parts parts;
    private final Clock clock;

    /** What the watch reads: current spend from the state store, windows from the limit plans. */
    public record Parts(StateStore state, LimitPlans plans, Duration sessionTtl) {
    }

    /** A user or key with the limits that apply to it. */
    private record Watched(String kind, long id, String name, Subject subject, Limits limits) {
    }

    SpendWatch(Notifications notifications, Parts parts, Clock clock) {
        this.notifications = notifications;
        this.parts = parts;
        this.clock = clock;
    }

    @Override
    public void finished(Exchange ex, Cost cost) {
        Principal pr = ex.principal();
        if (pr == null || cost.total().signum() <= 0) {
            return;
        }
        List<Watched> watched = List.of(
                new Watched("user", pr.user().id(), pr.user().name(), parts.plans().user(pr.user()), pr.user().limits()),
                new Watched("key", pr.key().id(), pr.key().name(), parts.plans().key(pr.key()), LimitPlans.effectiveKeyLimits(pr)));
        long now = clock.millis();
        if (watched.stream().anyMatch(w -> !limited(w, now).isEmpty())) {
            notifications.submit(() -> check(watched, now));
        }
    }

    private List<Window> limited(Watched w, long now) {
        return parts.plans().windows(w.subject(), w.limits(), now).stream().filter(Window::limited).toList();
    }

    private void check(List<Watched> watched, long now) {
        List<Target> targets = notifications.targets(Notice.SPEND_ALERT);
        if (targets.isEmpty()) {
            return;
        }
        for (Watched w : watched) {
            List<Window> windows = limited(w, now);
            if (windows.isEmpty()) {
                continue;
            }
            StateStore.Usage usage = parts.state().usage(w.subject(), windows, parts.sessionTtl().toMillis(), now);
            for (Window win : windows) {
                long used = usage.windowNano().getOrDefault(win.kind().wireName(), 0L);
                long resetAt = usage.windowResetAtMs().getOrDefault(win.kind().wireName(), 0L);
                for (Target t : targets) {
                    if (used >= thresholdNano(win, t.spendThreshold())
                            && notifications.claimOnce("spend:" + t.id() + ":" + windowId(win, resetAt, now))) {
                        notifications.deliver(t, new Notice.SpendAlert(w.kind(), w.id(), w.name(), win.kind().wireName(),
                                Money.toUsd(used), Money.toUsd(win.limitNano()), t.spendThreshold(),
                                resetAt > 0 ? Instant.ofEpochMilli(resetAt) : null));
                    }
                }
            }
        }
    }

    private static long thresholdNano(Window w, BigDecimal threshold) {
        return BigDecimal.valueOf(w.limitNano()).multiply(threshold).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /**
     * Names one run of a window: calendar keys already carry their start (and the subject's reset); a window that
     * starts with the first spend is named by its end; a rolling window alerts at most once per its length.
     */
    static String windowId(Window w, long resetAtMs, long nowMs) {
        return switch (w.mode()) {
            case CALENDAR -> w.key();
            case FROM_FIRST -> w.key() + ":" + (resetAtMs > 0 ? resetAtMs : nowMs / w.lengthMs());
            case ROLLING -> w.key() + "@" + nowMs / w.lengthMs();
        };
    }
}
