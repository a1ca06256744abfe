package dev.cch.server.auth;

import dev.cch.server.crypto.HubKeys;
import dev.cch.server.pipeline.Headers;
import dev.cch.server.pipeline.Principal;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Every endpoint that takes a credential asks here: the proxy, the models list, the admin API and self-service.
 * Failures count against the presented credential and the caller's address ({@link Lockout}). A locked credential
 * is refused with 429 before it is looked up. A locked address still gets its valid keys and the admin token
 * accepted, since behind NAT or a proxy it is shared with the guesser; what it loses is the benefit of the doubt:
 * a wrong credential gets 429 instead of 401, and keys this node has never seen are looked up only a few at a time
 * (guessing floods queue here, not at the database), 429 when no lookup frees up in time.
 */
public final class AuthGate {
    /** Lookups of never-seen keys for locked addresses running at once on this node. */
    private static final int LOCKED_LOOKUPS = 2;

    private final ApiKeyAuthenticator keys;
    private final Lockout lockout;
    private final ClientAddress addresses;
    private final Semaphore lockedLookups = new Semaphore(LOCKED_LOOKUPS, true);
    private final Duration lookupWait;

    /** The outcome of one authentication. */
    public sealed interface Verdict {
        /** A valid hub key. */
        record Key(Principal principal) implements Verdict {
        }

        /** The admin token. */
        record AdminToken() implements Verdict {
        }

        /** Refused (401 or 503 by the refusal). */
        record Refused(ApiKeyAuthenticator.Refusal refusal) implements Verdict {
        }

        /** Too many failures: 429 with this {@code Retry-After}. */
        record LockedOut(long retryAfterSeconds) implements Verdict {
            public String message() {
                return "too many failed authentication attempts; try again in " + retryAfterSeconds + " s";
            }
        }
    }

    /** @param lookupWait how long a locked address's never-seen key waits for a lookup before 429 */
    public AuthGate(ApiKeyAuthenticator keys, Lockout lockout, ClientAddress addresses, Duration lookupWait) {
        this.keys = keys;
        this.lockout = lockout;
        this.addresses = addresses;
        this.lookupWait = lookupWait;
    }

    /** The caller's address: the socket's peer, or behind a trusted proxy the address it forwarded for. */
    public String address(String peer, Headers headers) {
        return addresses.of(peer, headers.all("x-forwarded-for"));
    }

    /**
     * Checks what a caller presented.
     *
     * @param address    the caller's address ({@link #address}; null if unknown)
     * @param adminToken the admin token where it is accepted, else null
     */
    public Verdict check(String address, PresentedKey.Found found, String adminToken) {
        if (adminToken != null && found instanceof PresentedKey.Found.One one && HubKeys.sameSecret(one.key(), adminToken)) {
            return new Verdict.AdminToken();
        }
        // the common case, a valid key this node knows, costs no state store round trip: locks only refuse
        ApiKeyAuthenticator.Result cached = keys.ifCached(found);
        if (cached instanceof ApiKeyAuthenticator.Result.Accepted a) {
            return new Verdict.Key(a.principal());
        }
        String credential = Lockout.credential(found);
        Lockout.Locks locks = lockout.locks(address, credential);
        if (locks.credentialLocked()) {
            return new Verdict.LockedOut(locks.credentialSeconds());
        }
        ApiKeyAuthenticator.Result result = cached != null ? cached
                : locks.addressLocked() ? lookUpForLockedAddress(found) : keys.authenticate(found);
        return switch (result) {
            case null -> new Verdict.LockedOut(locks.addressSeconds());
            case ApiKeyAuthenticator.Result.Accepted a -> new Verdict.Key(a.principal());
            case ApiKeyAuthenticator.Result.Refused r when r.refusal().isCredentialFailure() -> {
                Lockout.Locks after = lockout.failed(address, credential);
                yield locks.addressLocked() ? new Verdict.LockedOut(Math.max(1, after.addressSeconds()))
                        : new Verdict.Refused(r.refusal());
            }
            case ApiKeyAuthenticator.Result.Refused r -> new Verdict.Refused(r.refusal());
        };
    }

    /** A key not cached here, looked up in one of the few slots; null when no slot freed in time. */
    private ApiKeyAuthenticator.Result lookUpForLockedAddress(PresentedKey.Found found) {
        if (!(found instanceof PresentedKey.Found.One)) {
            return keys.authenticate(found);
        }
        try {
            if (!lockedLookups.tryAcquire(lookupWait.toMillis(), TimeUnit.MILLISECONDS)) {
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        try {
            return keys.authenticate(found);
        } finally {
            lockedLookups.release();
        }
    }
}
