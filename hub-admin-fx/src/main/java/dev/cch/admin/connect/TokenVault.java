package dev.cch.admin.connect;

import java.util.Optional;

/** Where the admin token of a hub is kept between runs, out of plain-text files. */
public interface TokenVault {
    Optional<String> read(String serverUrl);

    void store(String serverUrl, String token);

    void forget(String serverUrl);

    /** Where the token goes, in words for the connect screen. */
    String describe();
}
