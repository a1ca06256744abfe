package dev.cch.admin.testing;

import dev.cch.admin.connect.TokenVault;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A token vault in memory: what the connect tests remember and forget. */
public final class InMemoryVault implements TokenVault {
    public final Map<String, String> tokens = new HashMap<>();

    @Override
    public Optional<String> read(String serverUrl) {
        return Optional.ofNullable(tokens.get(serverUrl));
    }

    @Override
    public void store(String serverUrl, String token) {
        tokens.put(serverUrl, token);
    }

    @Override
    public void forget(String serverUrl) {
        tokens.remove(serverUrl);
    }

    @Override
    public String describe() {
        return "in memory";
    }
}
