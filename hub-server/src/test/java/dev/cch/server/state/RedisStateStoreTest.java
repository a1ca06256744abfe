package dev.cch.server.state;

import java.time.Duration;

/** The Redis state store passes the same contract, against the real Redis on 127.0.0.1, on the machine's clock. */
class RedisStateStoreTest extends RedisStateStoreContract {
    RedisStateStoreTest() {
        super(Duration.ZERO);
    }
}
