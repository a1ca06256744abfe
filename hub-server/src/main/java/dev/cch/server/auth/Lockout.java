package dev.cch.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Locks out a presented credential, or a client address, after repeated failed authentication within
 * {@code window}: the same wrong key {@code credentialFailures} times, or any wrong keys {@code addressFailures} times
 * from one address (higher, since a whole team may share one address behind NAT). A locked caller is answered 429
 * with {@code Retry-After} for {@code duration} without its credential even being looked up. Kept per node, in
 * memory, bounded in size.
 */
public final class Lockout {
    private static final int MAX_TRACKED = 100_000;
    private final int credentialFailures;
    private final int addressFailures;
    private final Duration window;
    private final Duration duration;
    private final Clock clock;
    private final Map<String, Tracker> trackers = new ConcurrentHashMap<>();

    /** Failure times in the window and, once locked, when the lock ends. */
    private static final class Tracker {
        final Deque<Long> times = new ArrayDeque<>();
        long lockedUntil;
    }

    /** @param credentialFailures 0 turns lockout off */
    public Lockout(int credentialFailures, int addressFailures, Duration window, Duration duration, Clock clock) {
        this.credentialFailures = credentialFailures;
        this.addressFailures = addressFailures;
        this.window = window;
        this.duration = duration;
        this.clock = clock;
    }

    /** How a presented credential is tracked: by its hash, never the key itself; null when none was presented. */
    public static String credential(PresentedKey.Found found) {
        return found instanceof PresentedKey.Found.One one ? dev.cch.server.crypto.HubKeys.hash(one.key()) : null;
    }

    /** Seconds until the caller may try again, or 0 when neither its address nor its credential is locked. */
    public long retryAfterSeconds(String address, String credential) {
        if (credentialFailures <= 0) {
            return 0;
        }
        long now = clock.millis();
        long until = Math.max(lockedUntil("ip:" + address, now), credential == null ? 0 : lockedUntil("key:" + credential, now));
        return until <= now ? 0 : Math.max(1, (until - now + 999) / 1000);
    }

    /** Counts a failed authentication of this address and (if one was presented) this credential. */
    public void failed(String address, String credential) {
        if (credentialFailures <= 0) {
            return;
        }
        long now = clock.millis();
        if (trackers.size() > MAX_TRACKED) {
            prune(now);
        }
        count("ip:" + address, now, addressFailures);
        if (credential != null) {
            count("key:" + credential, now, credentialFailures);
        }
    }

    /** A success clears the credential's count (not the address's: one valid key must not unlock guessing). */
    public void succeeded(String credential) {
        if (credential != null) {
            trackers.remove("key:" + credential);
        }
    }

    private long lockedUntil(String id, long now) {
        Tracker t = trackers.get(id);
        if (t == null) {
            return 0;
        }
        synchronized (t) {
            return t.lockedUntil;
        }
    }

    private void count(String id, long now, int failures) {
        Tracker t = trackers.computeIfAbsent(id, k -> new Tracker());
        synchronized (t) {
            t.times.addLast(now);
            while (!t.times.isEmpty() && t.times.peekFirst() <= now - window.toMillis()) {
                t.times.removeFirst();
            }
            if (t.times.size() >= failures) {
                t.lockedUntil = now + duration.toMillis();
                t.times.clear();
            }
        }
    }

    private void prune(long now) {
        trackers.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().lockedUntil <= now
                        && (e.getValue().times.isEmpty() || e.getValue().times.peekLast() <= now - window.toMillis());
            }
        });
    }
}
