package dev.cch.server.stats;

import dev.cch.server.testing.TestDatabase;
import dev.cch.server.testing.TestHub;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Daily statistics follow the hub's time zone: written in it by the trigger, rebuilt when the zone changes. */
class RollupZoneTest {

    @Test
    void daysAreCalendarDaysOfTheHubsZoneAndARestartInAnotherZoneRebuildsThem() {
        try (TestDatabase db = TestDatabase.create()) {
            try (TestHub hub = TestHub.startOn(db, Map.of("hub.time.zone", "UTC"))) {
                // 20:30 UTC on the 25th is 04:30 on the 26th in Shanghai
                db.execute("INSERT INTO request_log (request_id, created_at, client_protocol, endpoint, status_code, user_id)"
                        + " VALUES ('r1', TIMESTAMPTZ '2026-11-25 20:30:00+00', 'anthropic', 'messages', 200, 7),"
                        + " ('r2', TIMESTAMPTZ '2026-11-25 10:00:00+00', 'anthropic', 'messages', 200, 7)");
                assertThat(db.number("SELECT sum(requests) FROM usage_daily WHERE dim = 'user' AND day = DATE '2026-11-25'"))
                        .isEqualTo(2);
                assertThat(hub.server()).isNotNull();
            }
            try (TestHub hub = TestHub.startOn(db, Map.of("hub.time.zone", "Asia/Shanghai"))) {
                assertThat(db.number("SELECT sum(requests) FROM usage_daily WHERE dim = 'user' AND day = DATE '2026-11-25'"))
                        .isEqualTo(1);
                assertThat(db.number("SELECT sum(requests) FROM usage_daily WHERE dim = 'user' AND day = DATE '2026-11-26'"))
                        .isEqualTo(1);
                // new rows are written in the new zone too
                db.execute("INSERT INTO request_log (request_id, created_at, client_protocol, endpoint, status_code, user_id)"
                        + " VALUES ('r3', TIMESTAMPTZ '2026-11-26 17:00:00+00', 'anthropic', 'messages', 200, 7)");
                assertThat(db.number("SELECT sum(requests) FROM usage_daily WHERE dim = 'user' AND day = DATE '2026-11-27'"))
                        .isEqualTo(1);
                assertThat(hub.server()).isNotNull();
            }
        }
    }
}
