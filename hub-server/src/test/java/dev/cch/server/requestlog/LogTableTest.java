package dev.cch.server.requestlog;

import dev.cch.server.json.Json;
import dev.cch.server.testing.TestDatabase;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import static dev.cch.server.requestlog.SpoolReplayTest.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a real PostgreSQL: a refused row is set aside and the rest of its batch goes in; an outage sets nothing aside. */
class LogTableTest {
    static final String INSERT = Config.just(ConfigSources.classpath("db-statements.yaml"))
            .get("statements.request-log-insert").asString().get();

    final TestDatabase db = TestDatabase.create();
    Quarantine quarantine;

    @BeforeEach
    void setUp(@TempDir Path dir) {
        quarantine = new Quarantine(dir, Json.newMapper());
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void aRefusedRowIsQuarantinedAndTheRestOfItsBatchIsInserted() throws Exception {
        LogTable table = new LogTable(dataSource(db.url()), INSERT, quarantine);
        table.insert(List.of(row("req_a", "1"), row("req_overflow", "1e12"), row("req_b", "1")));
        assertThat(db.number("SELECT count(*) FROM request_log WHERE request_id IN ('req_a', 'req_b')")).isEqualTo(2);
        assertThat(db.number("SELECT count(*) FROM request_log")).isEqualTo(2);
        assertThat(quarantine.rows()).isEqualTo(1);
        assertThat(quarantine.added()).isEqualTo(1);

        table.insert(List.of(row("req_a", "1"), row("req_c", "1")));
        assertThat(db.number("SELECT count(*) FROM request_log")).as("inserting again skips what is in").isEqualTo(3);
        assertThat(quarantine.rows()).isEqualTo(1);
    }

    @Test
    void anUnreachableDatabaseIsAnOutageAndQuarantinesNothing() {
        LogTable table = new LogTable(dataSource("jdbc:postgresql://127.0.0.1:1/none"), INSERT, quarantine);
        assertThatThrownBy(() -> table.insert(List.of(row("req_x", "1"))))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(InsertFailure.of(e)).isEqualTo(InsertFailure.OUTAGE));
        assertThat(table.reachable()).isFalse();
        assertThat(quarantine.rows()).isZero();
    }

    static PGSimpleDataSource dataSource(String url) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser("postgres");
        ds.setConnectTimeout(2);
        return ds;
    }
}
