package dev.cch.server.db;

/** A write broke a uniqueness rule (e.g. a name already taken): the caller asked for something impossible. */
public final class Conflict extends RuntimeException {
    public Conflict(String message) {
        super(message);
    }

    /** True if the exception (or a cause) is PostgreSQL's unique violation (SQLSTATE 23505). */
    public static boolean isUniqueViolation(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.sql.SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
