package dev.cch.server.auth;

import dev.cch.protocol.admin.KeyView;
import dev.cch.protocol.admin.Limits;
import dev.cch.protocol.admin.Role;
import dev.cch.protocol.admin.UserView;
import dev.cch.server.crypto.HubKeys;
import dev.cch.server.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyAuthenticatorTest {
    static final String SECRET = "cch-known-key-0123456789abcdef";
    final MutableClock clock = MutableClock.atNow();
    final AtomicBoolean databaseDown = new AtomicBoolean();
    final AtomicInteger lookups = new AtomicInteger();
    final KeyView key = new KeyView(1, 1, "k", "cch-known", "default", Limits.NONE, true, null, null, null, null, null);
    final KeyView disabled = new KeyView(1, 1, "k", "cch-known", "default", Limits.NONE, false, null, null, null, null, null);
    final AtomicBoolean revoked = new AtomicBoolean();
    final UserView user = new UserView(1, "u", "", Role.USER, "default", List.of(), Limits.NONE, List.of(), List.of(),
            List.of(), true, null, null, null, null);
    final ApiKeyAuthenticator auth = new ApiKeyAuthenticator(hash -> {
        lookups.incrementAndGet();
        if (databaseDown.get()) {
            throw new IllegalStateException("no database connection");
        }
        return hash.equals(HubKeys.hash(SECRET)) ? Optional.of(revoked.get() ? disabled : key) : Optional.empty();
    }, id -> Optional.of(user), clock, Duration.ofSeconds(5));

    ApiKeyAuthenticator.Result check(String secret) {
        return auth.authenticate(new PresentedKey.Found.One(secret));
    }

    @Test
    void keysAreCachedForTheirTtlThenReloaded() {
        assertThat(check(SECRET)).isInstanceOf(ApiKeyAuthenticator.Result.Accepted.class);
        check(SECRET);
        assertThat(lookups.get()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(6));
        check(SECRET);
        assertThat(lookups.get()).isEqualTo(2);
    }

    @Test
    void whenTheDatabaseIsDownAKnownKeyKeepsWorkingAndAnUnknownOneIsUnavailableNotInvalid() {
        check(SECRET);
        databaseDown.set(true);
        clock.advance(Duration.ofMinutes(10));
        assertThat(check(SECRET)).isInstanceOf(ApiKeyAuthenticator.Result.Accepted.class);
        var unknown = check("cch-never-seen-0123456789abcdef");
        assertThat(unknown).isEqualTo(new ApiKeyAuthenticator.Result.Refused(ApiKeyAuthenticator.Refusal.UNAVAILABLE));
        assertThat(ApiKeyAuthenticator.Refusal.UNAVAILABLE.status()).isEqualTo(503);
        assertThat(ApiKeyAuthenticator.Refusal.UNAVAILABLE.isCredentialFailure()).isFalse();

        // the periodic refresh outdates the cache every 30 s: during an outage the key seen before still works
        auth.outdateAll();
        clock.advance(Duration.ofSeconds(2));
        assertThat(check(SECRET)).isInstanceOf(ApiKeyAuthenticator.Result.Accepted.class);

        auth.invalidateAll(); // an admin change: nothing stale may survive it
        clock.advance(Duration.ofSeconds(2));
        assertThat(check(SECRET)).isEqualTo(new ApiKeyAuthenticator.Result.Refused(ApiKeyAuthenticator.Refusal.UNAVAILABLE));
        databaseDown.set(false);
        clock.advance(Duration.ofSeconds(2));
        assertThat(check(SECRET)).isInstanceOf(ApiKeyAuthenticator.Result.Accepted.class);
    }

    @Test
    void aKeyRevokedWhileTheDatabaseWasAwayIsRefusedAsSoonAsItAnswersAgain() {
        check(SECRET);
        databaseDown.set(true);
        auth.outdateAll();
        assertThat(check(SECRET)).isInstanceOf(ApiKeyAuthenticator.Result.Accepted.class);
        revoked.set(true); // written to the database by another node, whose change message this node missed
        databaseDown.set(false);
        clock.advance(Duration.ofSeconds(2));
        auth.outdateAll(); // the periodic refresh
        assertThat(check(SECRET)).isEqualTo(new ApiKeyAuthenticator.Result.Refused(ApiKeyAuthenticator.Refusal.KEY_DISABLED));
    }

    @Test
    void afterAFailedLoadNobodyWaitsOnTheDatabaseForASecond() {
        check(SECRET);
        databaseDown.set(true);
        auth.outdateAll();
        check(SECRET);
        int afterFailure = lookups.get();
        for (int i = 0; i < 50; i++) {
            assertThat(check(SECRET)).isInstanceOf(ApiKeyAuthenticator.Result.Accepted.class);
            assertThat(check("cch-never-seen-0123456789abcdef"))
                    .isEqualTo(new ApiKeyAuthenticator.Result.Refused(ApiKeyAuthenticator.Refusal.UNAVAILABLE));
        }
        assertThat(lookups.get()).as("no database call within the backoff").isEqualTo(afterFailure);
        clock.advance(Duration.ofMillis(1_001));
        check(SECRET);
        assertThat(lookups.get()).isEqualTo(afterFailure + 1);
    }

    @Test
    void whileOneRequestReloadsAnExpiredKeyTheOthersUseTheCachedOneInsteadOfQueueingForTheDatabase() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean block = new AtomicBoolean();
        ApiKeyAuthenticator slow = new ApiKeyAuthenticator(hash -> {
            lookups.incrementAndGet();
            if (block.get()) {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Optional.of(key);
        }, id -> Optional.of(user), clock, Duration.ofSeconds(5));
        slow.authenticate(new PresentedKey.Found.One(SECRET));
        clock.advance(Duration.ofSeconds(6));
        block.set(true);
        Thread reloader = Thread.ofVirtual().start(() -> slow.authenticate(new PresentedKey.Found.One(SECRET)));
        entered.await();
        for (int i = 0; i < 50; i++) {
            assertThat(slow.authenticate(new PresentedKey.Found.One(SECRET))).isInstanceOf(ApiKeyAuthenticator.Result.Accepted.class);
        }
        assertThat(lookups.get()).isEqualTo(2); // the first load and the one reload, not 52
        release.countDown();
        reloader.join();
        assertThat(slow.authenticate(new PresentedKey.Found.One(SECRET))).isInstanceOf(ApiKeyAuthenticator.Result.Accepted.class);
        assertThat(lookups.get()).isEqualTo(2);
    }

    @Test
    void aFloodOfDifferentWrongKeysNeverPushesAKnownKeyOutOfTheCache() {
        check(SECRET);
        for (int i = 0; i < 120_000; i++) {
            check("cch-guess-" + i);
        }
        databaseDown.set(true);
        assertThat(check(SECRET)).as("served from the cache while the database is away")
                .isInstanceOf(ApiKeyAuthenticator.Result.Accepted.class);
        int before = lookups.get();
        assertThat(check("cch-guess-119999")).isEqualTo(new ApiKeyAuthenticator.Result.Refused(ApiKeyAuthenticator.Refusal.INVALID));
        assertThat(lookups.get()).as("a recent miss is answered from the cache").isEqualTo(before);
    }
}
