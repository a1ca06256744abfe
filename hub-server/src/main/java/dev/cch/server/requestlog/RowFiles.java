package dev.cch.server.requestlog;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A directory of request log rows as JSON lines, one file per append, each written whole and forced to disk. It
 * counts the rows and files it holds, so health and metrics never read them. A torn last line from a crash is
 * skipped, never fatal.
 */
final class RowFiles {
    private static final Logger LOG = Logger.getLogger(RowFiles.class.getName());
    private static final String SUFFIX = ".jsonl";

    private final Path dir;
    private final ObjectMapper mapper;
    private final AtomicLong sequence = new AtomicLong();
    /** Each file seen, with its line count; kept in step with the directory by every append, listing and delete. */
    private final Map<Path, Long> known = new ConcurrentHashMap<>();
    private final AtomicLong rows = new AtomicLong();

    private static final FileAttribute<?> OWNER_ONLY = PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rw-------"));

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    RowFiles(Path dir, ObjectMapper mapper) {
        this.dir = dir;
        this.mapper = mapper;
        try {
            Files.createDirectories(dir);
            if (posix(dir)) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create directory " + dir, e);
        }
        list();
    }

    Path directory() {
        return dir;
    }

    long rows() {
        return rows.get();
    }

    long files() {
        return known.size();
    }

    /** Writes the rows as a new file whose name ends with the tag (may be empty); returns once they are on disk. */
    synchronized void append(List<RequestLogRow> batch, String tag) {
        if (batch.isEmpty()) {
            return;
        }
        Path file = dir.resolve("rows-" + System.currentTimeMillis() + "-" + ProcessHandle.current().pid() + "-"
                + sequence.incrementAndGet() + (tag.isEmpty() ? "" : "-" + tag) + SUFFIX);
        StringBuilder sb = new StringBuilder();
        try {
            for (RequestLogRow r : batch) {
                sb.append(mapper.writeValueAsString(r)).append('\n');
            }
            // rows hold who called what, with which key prefix: readable by the hub's own user only
            try (FileChannel ch = posix(dir)
                    ? FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), OWNER_ONLY)
                    : FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + batch.size() + " request log rows to " + dir, e);
        }
        known.put(file, (long) batch.size());
        rows.addAndGet(batch.size());
    }

    /**
     * The files, oldest first (their names start with the time they were written). Also counts files put here by hand
     * (a mended row moved from the quarantine) and forgets files gone.
     */
    synchronized List<Path> list() {
        List<Path> present;
        try (Stream<Path> s = Files.list(dir)) {
            present = s.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
        Set<Path> here = new HashSet<>(present);
        for (Path gone : known.keySet().stream().filter(p -> !here.contains(p)).toList()) {
            forget(gone);
        }
        for (Path f : present) {
            if (!known.containsKey(f)) {
                long n = lines(f);
                known.put(f, n);
                rows.addAndGet(n);
            }
        }
        return present;
    }

    List<RequestLogRow> read(Path f) {
        List<RequestLogRow> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(mapper.readValue(line, RequestLogRow.class));
                } catch (IOException torn) {
                    LOG.warning("skipping an unreadable request log row in " + f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    synchronized void delete(Path f) throws IOException {
        Files.deleteIfExists(f);
        forget(f);
    }

    private void forget(Path f) {
        Long n = known.remove(f);
        if (n != null) {
            rows.addAndGet(-n);
        }
    }

    /** Lines (rows, and a torn one if any) in a file, counted by bytes, so that counting never parses rows. */
    private static long lines(Path f) {
        long n = 0;
        byte last = '\n';
        try (InputStream in = Files.newInputStream(f)) {
            byte[] buf = new byte[64 * 1024];
            for (int k; (k = in.read(buf)) > 0; ) {
                for (int i = 0; i < k; i++) {
                    if (buf[i] == '\n') {
                        n++;
                    }
                }
                last = buf[k - 1];
            }
        } catch (IOException e) {
            return 0;
        }
        return last == '\n' ? n : n + 1;
    }
}
