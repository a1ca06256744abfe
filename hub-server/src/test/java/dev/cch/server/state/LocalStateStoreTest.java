package dev.cch.server.state;

import java.time.Duration;

/** The in-process state store passes the contract. */
class LocalStateStoreTest extends StateStoreContract {
    LocalStateStoreTest() {
        super(Duration.ZERO);
    }

    @Override
    StateStore create() {
        return new LocalStateStore();
    }
}
