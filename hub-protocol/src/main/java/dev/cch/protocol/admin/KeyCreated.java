package dev.cch.protocol.admin;

/** The answer to creating a key: the only time the whole secret is shown. */
public record KeyCreated(KeyView key, String secret) {
}
