package dev.cch.server.state;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed authentications and lockouts of the local store, with the same rules as {@code auth_failure.lua}: an id's
 * window starts with its first failure, reaching the threshold locks it, failures while locked are not counted.
 * Entries live as long as the Redis keys would (their window or their lock); bounded in size.
 */
final class LocalAuthFailures {
    private static final int MAX_TRACKED = 100_000;

    /** Failures in the window, the window's first failure, locked until, forgotten after. */
    private record Entry(int failures, long first, long lockedUntil, long expires) {
    }

    private final Map<String, Entry> entries = new HashMap<>();

    synchronized Map<String, Long> count(Map<String, Integer> thresholds, long windowMs, long lockMs, long now) {
        if (entries.size() >= MAX_TRACKED) {
            prune(now);
        }
        Map<String, Long> locked = new LinkedHashMap<>();
        thresholds.forEach((id, threshold) -> {
            Entry e = live(id, now);
            if (e == null || e.lockedUntil() <= now) {
                boolean fresh = e == null || e.failures() == 0 || now - e.first() >= windowMs;
                int failures = (fresh ? 0 : e.failures()) + 1;
                long first = fresh ? now : e.first();
                e = failures >= Math.max(1, threshold)
                        ? new Entry(0, now, now + lockMs, now + Math.max(windowMs, lockMs))
                        : new Entry(failures, first, 0, now + windowMs);
                entries.put(id, e);
            }
            if (e.lockedUntil() > now) {
                locked.put(id, e.lockedUntil());
            }
        });
        return locked;
    }

    synchronized Map<String, Long> locks(Collection<String> ids, long now) {
        Map<String, Long> locked = new LinkedHashMap<>();
        for (String id : ids) {
            Entry e = live(id, now);
            if (e != null && e.lockedUntil() > now) {
                locked.put(id, e.lockedUntil());
            }
        }
        return locked;
    }

    private Entry live(String id, long now) {
        Entry e = entries.get(id);
        return e == null || e.expires() <= now ? null : e;
    }

    /** Forgets expired entries, and if a flood of distinct ids still fills the map, their partial counts (locks stay). */
    private void prune(long now) {
        entries.values().removeIf(e -> e.expires() <= now);
        if (entries.size() >= MAX_TRACKED) {
            entries.values().removeIf(e -> e.lockedUntil() <= now);
        }
    }
}
