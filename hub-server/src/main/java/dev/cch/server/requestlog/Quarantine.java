package dev.cch.server.requestlog;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Request log rows PostgreSQL refused as data (never for an outage), set aside one per file so the rows around them
 * go in. Each is named in a WARNING with its SQLState, and the file name ends with it. The files have the spool's
 * format: once the row is mended, moving its file into the spool directory replays it.
 */
public final class Quarantine {
    private static final Logger LOG = Logger.getLogger(Quarantine.class.getName());

    private final RowFiles files;
    private final AtomicLong added = new AtomicLong();

    public Quarantine(Path dir, ObjectMapper mapper) {
        this.files = new RowFiles(dir, mapper);
    }

    public Path directory() {
        return files.directory();
    }

    void add(RequestLogRow row, SQLException refusal) {
        String state = InsertFailure.sqlState(refusal);
        files.append(List.of(row), state == null ? "unknown" : state);
        added.incrementAndGet();
        LOG.warning("request log: PostgreSQL refused the row of request " + row.requestId() + " ("
                + InsertFailure.describe(refusal) + "); set aside in " + files.directory());
    }

    /** Rows set aside and still in the quarantine directory (also from earlier runs; files moved out are noticed). */
    public long rows() {
        files.list();
        return files.rows();
    }

    /** Rows this process has set aside. */
    public long added() {
        return added.get();
    }
}
