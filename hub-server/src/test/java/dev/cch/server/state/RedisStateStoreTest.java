package dev.cch.server.state;

import dev.cch.server.json.Json;
import dev.cch.server.testing.TestRedis;

import java.time.Duration;

/** The Redis state store passes the same contract, against the real Redis on 127.0.0.1. */
class RedisStateStoreTest extends StateStoreContract {
    RedisStateStore redis;

    @Override
    StateStore create() {
        redis = new RedisStateStore(TestRedis.URL, TestRedis.uniquePrefix(), Duration.ofSeconds(2), Json.newMapper());
        return new CleaningStore(redis);
    }

    @Override
    void awaitSubscribed() {
        TestRedis.awaitSubscriber(redis);
    }
}
