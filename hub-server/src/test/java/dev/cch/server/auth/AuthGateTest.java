package dev.cch.server.auth;

import dev.cch.protocol.admin.KeyView;
import dev.cch.protocol.admin.Limits;
import dev.cch.protocol.admin.Role;
import dev.cch.protocol.admin.UserView;
import dev.cch.server.crypto.HubKeys;
import dev.cch.server.state.LocalStateStore;
import dev.cch.server.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AuthGateTest {
    static final String VALID = "cch-valid-key-0123456789abcdef";
    static final String TOKEN = "admin-token-0123456789";
    static final String HOME = "10.0.0.1";
    final MutableClock clock = MutableClock.atNow();
    final AtomicInteger lookups = new AtomicInteger();
    final KeyView key = new KeyView(1, 1, "k", "cch-valid", "default", Limits.NONE, true, null, null, null, null, null);
    final UserView user = new UserView(1, "u", "", Role.USER, "default", List.of(), Limits.NONE, List.of(), List.of(),
            List.of(), true, null, null, null, null);
    CountDownLatch stalled = new CountDownLatch(0);
    CountDownLatch release = new CountDownLatch(0);
    final ApiKeyAuthenticator keys = new ApiKeyAuthenticator(hash -> {
        lookups.incrementAndGet();
        stalled.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return hash.equals(HubKeys.hash(VALID)) ? Optional.of(key) : Optional.empty();
    }, id -> Optional.of(user), clock, Duration.ofSeconds(5));
    final AuthGate gate = new AuthGate(keys, new Lockout(new LocalStateStore(), 3, 3, Duration.ofMinutes(5),
            Duration.ofMinutes(15), clock), new ClientAddress(List.of()), Duration.ZERO);

    AuthGate.Verdict check(String address, String presented) {
        return gate.check(address, new PresentedKey.Found.One(presented), TOKEN);
    }

    void lockAddress(String address) {
        for (int i = 0; i < 3; i++) {
            assertThat(check(address, "cch-guess-" + i)).isInstanceOf(AuthGate.Verdict.Refused.class);
        }
    }

    @Test
    void aLockedAddressStillGetsItsValidKeysAndTheAdminTokenButA429ForEveryWrongOne() {
        lockAddress(HOME);
        assertThat(check(HOME, VALID)).isInstanceOf(AuthGate.Verdict.Key.class);
        assertThat(check(HOME, TOKEN)).isInstanceOf(AuthGate.Verdict.AdminToken.class);
        assertThat(check(HOME, "cch-another-guess")).isEqualTo(new AuthGate.Verdict.LockedOut(900));
        assertThat(gate.check(HOME, new PresentedKey.Found.Conflicting(), null)).isEqualTo(new AuthGate.Verdict.LockedOut(900));
        assertThat(check("10.0.0.2", "cch-another-guess")).as("other addresses are not affected")
                .isEqualTo(new AuthGate.Verdict.Refused(ApiKeyAuthenticator.Refusal.INVALID));
    }

    @Test
    void aLockedCredentialIsRefusedFromAnyAddressWithoutALookup() {
        for (int i = 0; i < 3; i++) {
            check("10.0.1." + i, "cch-same-guess");
        }
        int before = lookups.get();
        assertThat(check("10.0.2.1", "cch-same-guess")).isEqualTo(new AuthGate.Verdict.LockedOut(900));
        assertThat(lookups.get()).isEqualTo(before);
    }

    @Test
    void guessesFromALockedAddressReachTheDatabaseOnlyAFewAtATimeAndRepeatedOnesNotAtAll() throws Exception {
        lockAddress(HOME);
        int before = lookups.get();
        stalled = new CountDownLatch(2);
        release = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        List<Future<AuthGate.Verdict>> slow = List.of(
                callers.submit(() -> check(HOME, "cch-slow-1")),
                callers.submit(() -> check(HOME, "cch-slow-2")));
        stalled.await();
        // both lookup slots are taken: the next never-seen key is not sent to the database
        assertThat(check(HOME, "cch-flood")).isInstanceOf(AuthGate.Verdict.LockedOut.class);
        assertThat(lookups.get()).isEqualTo(before + 2);
        release.countDown();
        for (Future<AuthGate.Verdict> f : slow) {
            assertThat(f.get()).isInstanceOf(AuthGate.Verdict.LockedOut.class);
        }
        callers.shutdown();
        // a guess already answered is answered from the cache
        assertThat(check(HOME, "cch-slow-1")).isInstanceOf(AuthGate.Verdict.LockedOut.class);
        assertThat(lookups.get()).isEqualTo(before + 2);
        // with a slot free, a key never seen is looked up and accepted
        assertThat(check(HOME, VALID)).isInstanceOf(AuthGate.Verdict.Key.class);
    }
}
