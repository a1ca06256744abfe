package dev.cch.server.requestlog;

import dev.cch.server.testing.MutableClock;
import dev.cch.server.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Request log retention deletes old rows in batches and keeps the hourly rollups. */
class RetentionTest {
    static TestHub hub;

    @BeforeAll
    static void start() {
        hub = TestHub.start();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void rowsPastRetentionGoAndTheirStatisticsStay() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // 12,000 rows 40 days old (more than two delete batches) and 10 from yesterday
        hub.db().execute("INSERT INTO request_log (request_id, created_at, client_protocol, endpoint, status_code, input_tokens)"
                + " SELECT 'old_' || g, TIMESTAMPTZ '" + now.minus(40, ChronoUnit.DAYS) + "', 'anthropic', 'messages', 200, 10"
                + " FROM generate_series(1, 12000) g");
        hub.db().execute("INSERT INTO request_log (request_id, created_at, client_protocol, endpoint, status_code, input_tokens)"
                + " SELECT 'new_' || g, TIMESTAMPTZ '" + now.minus(1, ChronoUnit.DAYS) + "', 'anthropic', 'messages', 200, 10"
                + " FROM generate_series(1, 10) g");
        AtomicInteger days = new AtomicInteger(0);
        try (Retention r = new Retention(hub.server().parts().database().client(), new MutableClock(now), days::get)) {
            assertThat(r.purge()).isZero(); // 0 keeps everything
            days.set(30);
            assertThat(r.purge()).isEqualTo(12_000);
            assertThat(r.purge()).isZero();
        }
        assertThat(hub.db().number("SELECT count(*) FROM request_log")).isEqualTo(10);
        assertThat(hub.db().number("SELECT sum(requests) FROM usage_hourly WHERE dim = 'user'")).isEqualTo(12_010);
    }
}
