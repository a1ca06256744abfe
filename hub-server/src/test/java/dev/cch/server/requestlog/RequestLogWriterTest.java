package dev.cch.server.requestlog;

import dev.cch.server.json.Json;
import dev.cch.server.testing.TestDatabase;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.cch.server.requestlog.LogTableTest.INSERT;
import static dev.cch.server.requestlog.SpoolReplayTest.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writer against a database that goes away and comes back: after the first failed batch it stops asking for
 * connections (only the once-a-second probe does) and spills every row to disk within a flush interval; when the
 * probe finds the database again, the spool is replayed. Request threads never write files.
 */
class RequestLogWriterTest {
    final TestDatabase db = TestDatabase.create();
    final Switchable dataSource = new Switchable(db.url());
    @TempDir
    Path dir;

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void anOutageIsNoticedOnceAndEveryRowIsSpilledThenReplayed() {
        Spool spool = new Spool(dir.resolve("spool"), Json.newMapper());
        try (RequestLogWriter writer = new RequestLogWriter(dataSource, INSERT, spool,
                new Quarantine(dir.resolve("quarantine"), Json.newMapper()), 200, Duration.ofMillis(20), 1000)) {
            writer.start();
            dataSource.up.set(false);
            writer.enqueue(row("req_0", "1"));
            Awaitility.await("the first row spilled").atMost(Duration.ofSeconds(5)).until(() -> spool.rows() == 1);
            int asked = dataSource.connections.get();
            for (int i = 1; i <= 20; i++) {
                writer.enqueue(row("req_" + i, "1"));
                int n = i + 1;
                Awaitility.await("row " + i + " spilled").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                        .until(() -> spool.rows() == n);
            }
            assertThat(writer.databaseDown()).isTrue();
            assertThat(dataSource.connections.get() - asked).as("connections asked for while spilling 20 rows: probes only")
                    .isLessThanOrEqualTo(3);
            assertThat(db.number("SELECT count(*) FROM request_log")).isZero();

            dataSource.up.set(true);
            Awaitility.await("the spool replayed").atMost(Duration.ofSeconds(10))
                    .until(() -> spool.rows() == 0 && db.number("SELECT count(*) FROM request_log") == 21);
            assertThat(writer.databaseDown()).isFalse();
            writer.enqueue(row("req_after", "1"));
            Awaitility.await("written at once").atMost(Duration.ofSeconds(5))
                    .until(() -> db.number("SELECT count(*) FROM request_log") == 22);
            assertThat(spool.files()).isZero();
        }
    }

    @Test
    void aFullQueueNeverMakesTheCallerWriteTheSpool() {
        Spool spool = new Spool(dir.resolve("spool"), Json.newMapper());
        RequestLogWriter writer = new RequestLogWriter(dataSource, INSERT, spool,
                new Quarantine(dir.resolve("quarantine"), Json.newMapper()), 200, Duration.ofMillis(20), 2);
        writer.enqueue(row("req_1", "1"));
        writer.enqueue(row("req_2", "1"));
        writer.enqueue(row("req_3", "1")); // not started: nobody drains, so this one waits its second and is dropped
        assertThat(spool.files()).isZero();
        assertThat(writer.lostRows()).isEqualTo(1);
        writer.start();
        writer.close();
        assertThat(db.number("SELECT count(*) FROM request_log")).isEqualTo(2);
    }

    /** A data source that refuses connections (an outage) while switched off, and counts what it is asked for. */
    static final class Switchable extends PGSimpleDataSource {
        final AtomicBoolean up = new AtomicBoolean(true);
        final AtomicInteger connections = new AtomicInteger();

        Switchable(String url) {
            setUrl(url);
            setUser("postgres");
        }

        @Override
        public Connection getConnection() throws SQLException {
            connections.incrementAndGet();
            if (!up.get()) {
                throw new SQLException("Connection refused", "08001");
            }
            return super.getConnection();
        }
    }
}
