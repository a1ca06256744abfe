package dev.cch.server.state;

/** The in-process state store for a single hub node. */
public final class LocalStateStore implements StateStore {
    @Override
    public String kind() {
        return "local";
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public void close() {
    }
}
