package dev.cch.server.testing;

import dev.cch.server.state.RedisStateStore;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** The Redis on 127.0.0.1:6379 that tests share; each test run uses its own key prefix and deletes it. */
public final class TestRedis {
    public static final String URL = System.getProperty("cch.test.redis", "redis://127.0.0.1:6379/0");

    private TestRedis() {
    }

    public static String uniquePrefix() {
        return "cch-test:" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ":";
    }

    /** Waits until the store's pub/sub subscription is live (Redis confirms subscriptions asynchronously). */
    public static void awaitSubscriber(RedisStateStore store) {
        Awaitility.await("a Redis subscription").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> store.subscriberCount() > 0);
    }
}
