package dev.cch.server.state;

/** The in-process state store passes the contract. */
class LocalStateStoreTest extends StateStoreContract {
    @Override
    StateStore create() {
        return new LocalStateStore();
    }
}
