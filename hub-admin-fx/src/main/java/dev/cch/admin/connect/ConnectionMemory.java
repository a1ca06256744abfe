package dev.cch.admin.connect;

import java.util.Optional;
import java.util.prefs.Preferences;

/** Remembers the last server URL (user preferences) and its token (a {@link TokenVault}) between runs. */
public final class ConnectionMemory {
    private static final String URL = "serverUrl";
    private final Preferences prefs;
    private final TokenVault vault;

    public ConnectionMemory(Preferences prefs, TokenVault vault) {
        this.prefs = prefs;
        this.vault = vault;
    }

    public Optional<String> serverUrl() {
        return Optional.ofNullable(prefs.get(URL, null));
    }

    public Optional<String> token(String serverUrl) {
        try {
            return vault.read(serverUrl);
        } catch (RuntimeException e) {
            return Optional.empty(); // an unreadable vault must not stop anyone from typing the token
        }
    }

    public void remember(String serverUrl, String token, boolean keepToken) {
        prefs.put(URL, serverUrl);
        try {
            if (keepToken) {
                vault.store(serverUrl, token);
            } else {
                vault.forget(serverUrl);
            }
        } catch (RuntimeException e) {
            // not remembering is an inconvenience, not a failure to connect
        }
    }

    public String whereTokensGo() {
        return vault.describe();
    }
}
