package dev.cch.server.auth;

import dev.cch.protocol.admin.KeyView;
import dev.cch.protocol.admin.UserView;
import dev.cch.server.crypto.HubKeys;
import dev.cch.server.pipeline.Principal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Resolves a presented hub key to its key and user, refusing disabled and expired ones. Lookups are by the key's
 * SHA-256 and cached briefly (misses too, apart, so the same guess does not reach the database again and a flood of
 * different guesses cannot evict the real keys); any
 * admin change to users or keys outdates the cache, and while the database is unreachable the keys seen before keep
 * being served from it.
 */
public final class ApiKeyAuthenticator {
    private static final int MAX_ENTRIES = 100_000;
    /** Misses are kept apart and dropped on their own, so a flood of guessed keys never pushes out the real ones. */
    private static final int MAX_MISSES = 20_000;

    private final Function<String, Optional<KeyView>> keysByHash;
    private final LongFunction<Optional<UserView>> usersById;
    private final Clock clock;
    private final Duration ttl;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Cached> misses = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<Cached>> loading = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final java.util.concurrent.Executor reloads;

    /** A key and its user as loaded at {@code loadedAt}, valid for the cache {@code generation} it was loaded in. */
    private record Cached(KeyView key, UserView user, Instant loadedAt, long generation) {
    }

    /** After a failed load, the database is not asked again before this instant (callers are not held on a dead pool). */
    private static final Duration DATABASE_BACKOFF = Duration.ofSeconds(1);
    private volatile Instant databaseRetryAt = Instant.MIN;

    /** Why a key was refused; {@code code} is the machine code sent to the client. */
    public enum Refusal {
        MISSING("missing_api_key", "no API key: send it as x-api-key, Authorization: Bearer, x-goog-api-key or ?key="),
        CONFLICTING("conflicting_api_keys", "different API keys were sent in different headers"),
        INVALID("invalid_api_key", "invalid API key"),
        KEY_DISABLED("key_disabled", "this API key is disabled"),
        KEY_EXPIRED("key_expired", "this API key has expired"),
        USER_DISABLED("user_disabled", "the user of this API key is disabled"),
        USER_EXPIRED("user_expired", "the user of this API key has expired"),
        /** The key is not cached and the database cannot be asked: a 503, not the caller's fault. */
        UNAVAILABLE("auth_unavailable", "API keys cannot be checked right now (the database is unavailable); retry shortly");

        private final String code;
        private final String message;

        Refusal(String code, String message) {
            this.code = code;
            this.message = message;
        }

        public String code() {
            return code;
        }

        public String message() {
            return message;
        }

        /** Only failures that say the credential itself is wrong count toward lockout. */
        public boolean isCredentialFailure() {
            return this == INVALID || this == CONFLICTING;
        }

        /** The HTTP status this refusal answers with. */
        public int status() {
            return this == UNAVAILABLE ? 503 : 401;
        }
    }

    /** The outcome of authentication. */
    public sealed interface Result permits Result.Accepted, Result.Refused {
        record Accepted(Principal principal) implements Result {
        }

        record Refused(Refusal refusal) implements Result {
        }
    }

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(ApiKeyAuthenticator.class.getName());
    private volatile boolean unavailableLogged;

    /** Reloads of keys seen before run on the caller's thread (tests). */
    public ApiKeyAuthenticator(Function<String, Optional<KeyView>> keysByHash, LongFunction<Optional<UserView>> usersById,
                               Clock clock, Duration ttl) {
        this(keysByHash, usersById, clock, ttl, Runnable::run);
    }

    /** @param reloads where a key seen before is reloaded while the caller goes on with the cached one */
    public ApiKeyAuthenticator(Function<String, Optional<KeyView>> keysByHash, LongFunction<Optional<UserView>> usersById,
                               Clock clock, Duration ttl, java.util.concurrent.Executor reloads) {
        this.reloads = reloads;
        this.keysByHash = keysByHash;
        this.usersById = usersById;
        this.clock = clock;
        this.ttl = ttl;
    }

    public Result authenticate(PresentedKey.Found found) {
        return switch (found) {
            case PresentedKey.Found.None n -> new Result.Refused(Refusal.MISSING);
            case PresentedKey.Found.Conflicting c -> new Result.Refused(Refusal.CONFLICTING);
            case PresentedKey.Found.One one -> {
                Cached c = lookup(HubKeys.hash(one.key()));
                yield c == null ? new Result.Refused(Refusal.UNAVAILABLE) : check(c);
            }
        };
    }

    /**
     * The verdict for a presented key this node has cached, valid or not, without waiting on the database (a stale
     * entry reloads in the background); null when it is not cached, so checking it would ask the database.
     */
    public Result ifCached(PresentedKey.Found found) {
        if (!(found instanceof PresentedKey.Found.One one)) {
            return null;
        }
        String hash = HubKeys.hash(one.key());
        if (!cache.containsKey(hash) && !misses.containsKey(hash)) {
            return null;
        }
        Cached c = lookup(hash);
        return c == null ? new Result.Refused(Refusal.UNAVAILABLE) : check(c);
    }

    /** Forgets every cached key and user (after an admin change: a revocation takes effect with the next request). */
    public void invalidateAll() {
        generation.incrementAndGet();
        cache.clear();
        misses.clear();
    }

    /**
     * Marks every cached key and user as due for a reload (the periodic refresh that catches changes a node missed):
     * each is reloaded in the background on its next use and served as cached meanwhile, so that while the database
     * is away the keys seen before keep working.
     */
    public void outdateAll() {
        generation.incrementAndGet();
    }

    /**
     * The key and its user, from the cache while fresh, else from the database. One load per key at a time: a cached
     * entry that expired is served while it reloads (in the background: hundreds of requests reloading the same key at
     * once used to exhaust the connection pool, and a dead pool held each for seconds), and callers of a key not
     * cached wait for that one load. When
     * the database cannot answer, a stale entry keeps serving (revocations are written to the database, so they take
     * effect with the first load after it returns) and a key never seen gets null; for a second after a failed load
     * nobody waits on the database again.
     */
    private Cached lookup(String hash) {
        Instant now = clock.instant();
        Cached c = cached(hash);
        if (c != null && c.generation() == generation.get() && c.loadedAt().plus(ttl).isAfter(now)) {
            return c;
        }
        if (now.isBefore(databaseRetryAt)) {
            return c;
        }
        CompletableFuture<Cached> mine = new CompletableFuture<>();
        CompletableFuture<Cached> running = loading.putIfAbsent(hash, mine);
        if (c != null) {
            // a key seen before never waits on the database: it is served as cached while one load refreshes it
            if (running == null) {
                reloads.execute(() -> loadAndRelease(hash, c, mine));
            }
            Cached reloaded = cached(hash); // already there if the reload ran on this thread
            return reloaded != null ? reloaded : c;
        }
        return running != null ? running.join() : loadAndRelease(hash, null, mine);
    }

    private Cached loadAndRelease(String hash, Cached stale, CompletableFuture<Cached> mine) {
        Cached result = stale;
        try {
            result = load(hash, stale, clock.instant());
            return result;
        } finally {
            loading.remove(hash, mine);
            mine.complete(result);
        }
    }

    private Cached load(String hash, Cached stale, Instant now) {
        long gen = generation.get();
        Optional<KeyView> key;
        Optional<UserView> user;
        try {
            key = keysByHash.apply(hash);
            user = key.flatMap(k -> usersById.apply(k.userId()));
        } catch (RuntimeException e) {
            databaseRetryAt = clock.instant().plus(DATABASE_BACKOFF);
            if (!unavailableLogged) {
                unavailableLogged = true;
                LOG.warning("API keys cannot be loaded (" + e.getMessage() + "); serving cached keys until the database is back");
            }
            return stale;
        }
        unavailableLogged = false;
        Cached fresh = new Cached(key.orElse(null), user.orElse(null), now, gen);
        // loaded under generation gen: an admin change meanwhile makes it reload on next use
        if (fresh.key() == null) {
            cache.remove(hash);
            put(misses, MAX_MISSES, hash, fresh);
        } else {
            misses.remove(hash);
            put(cache, MAX_ENTRIES, hash, fresh);
        }
        return fresh;
    }

    private Cached cached(String hash) {
        Cached c = cache.get(hash);
        return c != null ? c : misses.get(hash);
    }

    private static void put(ConcurrentHashMap<String, Cached> map, int max, String hash, Cached c) {
        if (map.size() >= max) {
            map.clear();
        }
        map.put(hash, c);
    }

    private Result check(Cached c) {
        Instant now = clock.instant();
        if (c.key() == null || c.user() == null) {
            return new Result.Refused(Refusal.INVALID);
        }
        if (!c.key().enabled()) {
            return new Result.Refused(Refusal.KEY_DISABLED);
        }
        if (c.key().expiresAt() != null && !c.key().expiresAt().isAfter(now)) {
            return new Result.Refused(Refusal.KEY_EXPIRED);
        }
        if (!c.user().enabled()) {
            return new Result.Refused(Refusal.USER_DISABLED);
        }
        if (c.user().expiresAt() != null && !c.user().expiresAt().isAfter(now)) {
            return new Result.Refused(Refusal.USER_EXPIRED);
        }
        return new Result.Accepted(new Principal(c.key(), c.user()));
    }
}
