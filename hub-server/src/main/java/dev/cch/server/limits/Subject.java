package dev.cch.server.limits;

/**
 * Whose limits and usage: a user, a key or a provider. {@code resetEpochMs} is when its limits were last reset;
 * it is part of every storage key, so a reset starts all windows from zero while the old numbers stay in history.
 */
public record Subject(Kind kind, long id, long resetEpochMs) {

    /** The three kinds of subject. */
    public enum Kind {
        USER('u'), KEY('k'), PROVIDER('p');

        private final char tag;

        Kind(char tag) {
            this.tag = tag;
        }

        public char tag() {
            return tag;
        }
    }

    public static Subject user(long id, long resetEpochMs) {
        return new Subject(Kind.USER, id, resetEpochMs);
    }

    public static Subject key(long id, long resetEpochMs) {
        return new Subject(Kind.KEY, id, resetEpochMs);
    }

    public static Subject provider(long id, long resetEpochMs) {
        return new Subject(Kind.PROVIDER, id, resetEpochMs);
    }

    /** Stable text for storage keys, e.g. {@code u:12:0}. */
    public String tag() {
        return kind.tag() + ":" + id + ":" + resetEpochMs;
    }

    public String label() {
        return kind.name().toLowerCase() + " " + id;
    }
}
