package dev.cch.server.state;

import java.time.Duration;

/**
 * The Redis contract with the hub's clock a year behind the machine's (and so Redis'): no counter may depend on
 * the two clocks agreeing.
 */
class RedisStateStoreYearBehindTest extends RedisStateStoreContract {
    RedisStateStoreYearBehindTest() {
        super(Duration.ofDays(-365));
    }
}
