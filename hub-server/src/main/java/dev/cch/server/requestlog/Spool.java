package dev.cch.server.requestlog;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Request log rows that could not reach PostgreSQL, kept as JSON lines files under the data directory (each forced to
 * disk) until they are replayed. Each file is replayed on its own: one that fails never holds up the others; only an
 * outage stops a replay, to be tried again later.
 */
public final class Spool {
    private static final Logger LOG = Logger.getLogger(Spool.class.getName());
    private static final int REPLAY_CHUNK = 500;

    private final RowFiles files;

    /**
     * Inserts a chunk of rows. Rows PostgreSQL refuses as data are the sink's to set aside; it throws only when the
     * database is unreachable.
     */
    @FunctionalInterface
    public interface Sink {
        void insert(List<RequestLogRow> rows) throws SQLException;
    }

    public Spool(Path dir, ObjectMapper mapper) {
        this.files = new RowFiles(dir, mapper);
    }

    public Path directory() {
        return files.directory();
    }

    public void append(List<RequestLogRow> rows) {
        files.append(rows, "");
    }

    /** Rows waiting to be replayed. */
    public long rows() {
        return files.rows();
    }

    /** Files waiting to be replayed. */
    public long files() {
        return files.files();
    }

    /**
     * Replays files oldest first; each is deleted once all its rows are in (or set aside by the sink). Returns false
     * if it stopped at an outage, with the remaining files left for the next replay.
     */
    public synchronized boolean replay(Sink sink) {
        for (Path f : files.list()) {
            try {
                List<RequestLogRow> rows = files.read(f);
                for (int i = 0; i < rows.size(); i += REPLAY_CHUNK) {
                    sink.insert(rows.subList(i, Math.min(rows.size(), i + REPLAY_CHUNK)));
                }
                files.delete(f);
            } catch (SQLException e) {
                if (InsertFailure.of(e) == InsertFailure.OUTAGE) {
                    return false;
                }
                LOG.log(Level.WARNING, "request log: spool file " + f.getFileName() + " refused; kept, going on", e);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "request log: cannot replay spool file " + f.getFileName() + "; kept, going on", e);
            }
        }
        return true;
    }
}
