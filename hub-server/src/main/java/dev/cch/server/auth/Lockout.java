package dev.cch.server.auth;

import dev.cch.server.crypto.HubKeys;
import dev.cch.server.state.StateStore;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts failed authentications per presented credential and per client address within {@code window}, in the
 * state store so every node sees them: the same wrong credential {@code credentialFailures} times, or any wrong
 * credentials {@code addressFailures} times from one address (higher, since a whole team may share one address
 * behind NAT), lock it for {@code duration}. What a lock means is {@link AuthGate}'s business: a locked credential is
 * refused outright, a locked address only loses the benefit of the doubt. When the store is unreachable nothing is
 * locked.
 */
public final class Lockout {
    private final StateStore store;
    private final int credentialFailures;
    private final int addressFailures;
    private final Duration window;
    private final Duration duration;
    private final Clock clock;

    /** Seconds until each lock ends, 0 when not locked. */
    public record Locks(long credentialSeconds, long addressSeconds) {
        static final Locks NONE = new Locks(0, 0);

        public boolean credentialLocked() {
            return credentialSeconds > 0;
        }

        public boolean addressLocked() {
            return addressSeconds > 0;
        }
    }

    /** @param credentialFailures 0 turns lockout off */
    public Lockout(StateStore store, int credentialFailures, int addressFailures, Duration window, Duration duration, Clock clock) {
        this.store = store;
        this.credentialFailures = credentialFailures;
        this.addressFailures = addressFailures;
        this.window = window;
        this.duration = duration;
        this.clock = clock;
    }

    /** How a presented credential is tracked: by its hash, never the key itself; null when none was presented. */
    public static String credential(PresentedKey.Found found) {
        return found instanceof PresentedKey.Found.One one ? HubKeys.hash(one.key()) : null;
    }

    /** The locks on this address and credential (either may be null) now. */
    public Locks locks(String address, String credential) {
        if (off()) {
            return Locks.NONE;
        }
        List<String> ids = new ArrayList<>(2);
        ids(address, credential).forEach((id, threshold) -> ids.add(id));
        long now = clock.millis();
        return locks(store.authLocks(ids, now), address, credential, now);
    }

    /** Counts a failed authentication of this address and (if one was presented) this credential; the locks after it. */
    public Locks failed(String address, String credential) {
        if (off()) {
            return Locks.NONE;
        }
        long now = clock.millis();
        return locks(store.countAuthFailure(ids(address, credential), window.toMillis(), duration.toMillis(), now),
                address, credential, now);
    }

    private boolean off() {
        return credentialFailures <= 0;
    }

    private Map<String, Integer> ids(String address, String credential) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        if (credential != null) {
            ids.put("key:" + credential, credentialFailures);
        }
        if (address != null && addressFailures > 0) {
            ids.put("ip:" + address, addressFailures);
        }
        return ids;
    }

    private static Locks locks(Map<String, Long> locked, String address, String credential, long now) {
        return new Locks(seconds(locked.get("key:" + credential), now), seconds(locked.get("ip:" + address), now));
    }

    private static long seconds(Long until, long now) {
        return until == null || until <= now ? 0 : Math.max(1, (until - now + 999) / 1000);
    }
}
