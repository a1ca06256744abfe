package dev.cch.server.pipeline;

import dev.cch.protocol.error.HubError;

/**
 * Where a request's body comes from. It is read once, when the pipeline first needs it: after authentication, so a
 * caller without a valid key never makes the hub read (or hold) a byte of what it sends.
 */
public interface BodySource {
    /** Reads the whole body within the hub's limits; a body the hub will not take comes back as a problem. */
    Body read();

    /** Gives back what the read holds of shared budgets; called once, when the exchange is finished. */
    default void release() {
    }

    /** True if the client declared or started a body at all (whether or not it was read). */
    default boolean present() {
        return true;
    }

    /** The body's bytes, or why the hub refused it (then {@code bytes} is empty). */
    record Body(byte[] bytes, HubError problem) {
        public static final Body EMPTY = new Body(new byte[0], null);
    }

    /** A body already in memory (tests, replays). */
    static BodySource of(byte[] bytes) {
        Body body = new Body(bytes, null);
        return new BodySource() {
            @Override
            public Body read() {
                return body;
            }

            @Override
            public boolean present() {
                return bytes.length > 0;
            }
        };
    }
}
