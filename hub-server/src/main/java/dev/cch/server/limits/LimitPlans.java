package dev.cch.server.limits;

import dev.cch.protocol.admin.KeyView;
import dev.cch.protocol.admin.Limits;
import dev.cch.protocol.admin.UserView;
import dev.cch.server.pipeline.Principal;
import dev.cch.server.providers.Provider;
import dev.cch.server.state.AdmitRequest;
import dev.cch.server.state.BreakerConfig;

import java.time.Instant;

/**
 * Turns users, keys and providers into the subjects, windows and limits the state store checks. A key without its
 * own concurrent-session limit takes its user's (as the original does); every other key limit is the key's own,
 * checked alongside the user's.
 */
public final class LimitPlans {
    private final SpendCalendar calendar;

    public LimitPlans(SpendCalendar calendar) {
        this.calendar = calendar;
    }

    public Subject user(UserView u) {
        return Subject.user(u.id(), epoch(u.costResetAt()));
    }

    public Subject key(KeyView k) {
        return Subject.key(k.id(), epoch(k.costResetAt()));
    }

    public Subject provider(Provider p) {
        return Subject.provider(p.id(), epoch(p.totalCostResetAt()));
    }

    /** The key's limits as enforced: its own, with the user's concurrent-session limit when it has none. */
    public static Limits effectiveKeyLimits(Principal pr) {
        Limits k = pr.key().limits();
        if (k.concurrentSessions() != null) {
            return k;
        }
        return new Limits(k.rpm(), k.usd5h(), k.reset5h(), k.usdDaily(), k.dailyReset(), k.dailyResetTime(),
                k.usdWeekly(), k.usdMonthly(), k.usdTotal(), pr.user().limits().concurrentSessions());
    }

    public AdmitRequest.RateSubject keySubject(Principal pr, long now) {
        Limits l = effectiveKeyLimits(pr);
        Subject s = key(pr.key());
        return new AdmitRequest.RateSubject(s, l.rpm(), calendar.windows(s, l, now), l.concurrentSessions());
    }

    public AdmitRequest.RateSubject userSubject(Principal pr, long now) {
        Limits l = pr.user().limits();
        Subject s = user(pr.user());
        return new AdmitRequest.RateSubject(s, l.rpm(), calendar.windows(s, l, now), l.concurrentSessions());
    }

    public AdmitRequest.ProviderProbe probe(Provider p, long now) {
        Subject s = provider(p);
        return new AdmitRequest.ProviderProbe(p.id(), s, calendar.windows(s, p.limits(), now),
                p.limits().concurrentSessions(), breakerConfig(p));
    }

    public java.util.List<Window> windows(Subject s, Limits l, long now) {
        return calendar.windows(s, l, now);
    }

    public static BreakerConfig breakerConfig(Provider p) {
        return new BreakerConfig(p.breaker().failureThreshold(), p.breaker().openDurationMs(), p.breaker().halfOpenSuccesses());
    }

    private static long epoch(Instant i) {
        return i == null ? 0 : i.toEpochMilli();
    }
}
