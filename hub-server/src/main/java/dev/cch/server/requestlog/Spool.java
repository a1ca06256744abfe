package dev.cch.server.requestlog;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Request log rows that could not reach PostgreSQL, kept as JSON lines in files under the data directory (each
 * append forced to disk) until they are replayed. A torn last line from a crash is skipped, never fatal.
 */
public final class Spool {
    private static final Logger LOG = Logger.getLogger(Spool.class.getName());
    private static final int REPLAY_CHUNK = 500;

    private final Path dir;
    private final ObjectMapper mapper;
    private final AtomicLong sequence = new AtomicLong();

    /** Inserts a chunk of rows; throws if the database is still unavailable. */
    @FunctionalInterface
    public interface Sink {
        void insert(List<RequestLogRow> rows) throws java.sql.SQLException;
    }

    public Spool(Path dir, ObjectMapper mapper) {
        this.dir = dir;
        this.mapper = mapper;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create spool directory " + dir, e);
        }
    }

    public Path directory() {
        return dir;
    }

    public synchronized void append(List<RequestLogRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Path file = dir.resolve("rows-" + System.currentTimeMillis() + "-" + ProcessHandle.current().pid() + "-"
                + sequence.incrementAndGet() + ".jsonl");
        StringBuilder sb = new StringBuilder();
        try {
            for (RequestLogRow r : rows) {
                sb.append(mapper.writeValueAsString(r)).append('\n');
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool " + rows.size() + " request log rows to " + dir, e);
        }
    }

    public synchronized boolean hasRows() {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(".jsonl"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Rows currently spooled (reads every file: for tests and health, not the hot path). */
    public synchronized long count() {
        long n = 0;
        for (Path f : files()) {
            n += read(f).size();
        }
        return n;
    }

    /** Replays files oldest first; each file is deleted once all its rows are in. Stops at the first failure. */
    public synchronized void replay(Sink sink) {
        for (Path f : files()) {
            List<RequestLogRow> rows = read(f);
            try {
                for (int i = 0; i < rows.size(); i += REPLAY_CHUNK) {
                    sink.insert(rows.subList(i, Math.min(rows.size(), i + REPLAY_CHUNK)));
                }
                Files.deleteIfExists(f);
            } catch (java.sql.SQLException e) {
                return;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private List<Path> files() {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private List<RequestLogRow> read(Path f) {
        List<RequestLogRow> rows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    rows.add(mapper.readValue(line, RequestLogRow.class));
                } catch (IOException torn) {
                    LOG.warning("skipping an unreadable spooled row in " + f.getFileName());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
