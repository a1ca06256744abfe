package dev.cch.server.requestlog;

import java.sql.SQLException;

/**
 * Why PostgreSQL did not take request log rows, told apart by SQLState class: either the database is not answering
 * (keep every row and try again later) or it refused a row it will never take (set that row aside, write the others).
 * Anything not known to be about the data counts as an outage, because an outage only delays rows, never loses them.
 */
public enum InsertFailure {
    /** Connection exceptions (08), shutdown and other operator intervention (57), resources (53), system errors (58),
     *  rolled-back transactions (40), pool timeouts (no SQLState): the rows are fine, the database is not. */
    OUTAGE,
    /** Data exceptions (22: NUL bytes, numeric overflow, bad timestamps), constraint violations (23), syntax or
     *  access rules (42) and program limits (54: an index row too large): the same row fails every time. */
    BAD_ROW;

    public static InsertFailure of(SQLException e) {
        String state = sqlState(e);
        if (state == null || state.length() < 2) {
            return OUTAGE;
        }
        return switch (state.substring(0, 2)) {
            case "22", "23", "42", "54" -> BAD_ROW;
            default -> OUTAGE;
        };
    }

    /** For a log line: the SQLState and the message of the entry that failed, not the whole batch's SQL and values. */
    public static String describe(SQLException e) {
        SQLException entry = e.getNextException() != null ? e.getNextException() : e;
        return "SQLState " + sqlState(e) + ": " + RowText.clean(entry.getMessage(), 300);
    }

    /** The first SQLState in the exception, its chained exceptions (a batch's entries) or its causes; null if none. */
    public static String sqlState(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            for (Throwable t = x; t != null; t = t.getCause()) {
                if (t instanceof SQLException s && s.getSQLState() != null) {
                    return s.getSQLState();
                }
                if (t.getCause() == t) {
                    break;
                }
            }
            if (x.getNextException() == x) {
                break;
            }
        }
        return null;
    }
}
