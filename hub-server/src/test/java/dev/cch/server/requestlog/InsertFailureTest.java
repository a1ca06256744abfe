package dev.cch.server.requestlog;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class InsertFailureTest {

    @ParameterizedTest
    @ValueSource(strings = {"08000", "08001", "08003", "08006", "57P01", "57P02", "57P03", "57014", "53000", "53100",
            "53200", "53300", "58030", "40001", "40P01", "XX000", "55P03", "0A000"})
    void theDatabaseNotAnsweringIsAnOutage(String state) {
        assertThat(InsertFailure.of(new SQLException("x", state))).isEqualTo(InsertFailure.OUTAGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"22021", "22P05", "22003", "22008", "22023", "22P02", "23505", "23502", "23514", "42P01",
            "42703", "42501", "54000"})
    void aRowPostgresWillNeverTakeIsABadRow(String state) {
        assertThat(InsertFailure.of(new SQLException("x", state))).isEqualTo(InsertFailure.BAD_ROW);
    }

    @Test
    void aPoolTimeoutWithoutSqlStateIsAnOutage() {
        assertThat(InsertFailure.of(new SQLTransientConnectionException("cch - Connection is not available")))
                .isEqualTo(InsertFailure.OUTAGE);
    }

    @Test
    void aBatchIsClassifiedByTheEntryThatFailedOrByItsCause() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", null, 0, new int[0]);
        batch.setNextException(new SQLException("invalid byte sequence for encoding UTF8: 0x00", "22021"));
        assertThat(InsertFailure.of(batch)).isEqualTo(InsertFailure.BAD_ROW);
        assertThat(InsertFailure.sqlState(batch)).isEqualTo("22021");
        assertThat(InsertFailure.describe(batch)).isEqualTo("SQLState 22021: invalid byte sequence for encoding UTF8: 0x00");

        SQLException wrapped = new SQLException("wrapped", null, new SQLException("terminating connection", "57P01"));
        assertThat(InsertFailure.of(wrapped)).isEqualTo(InsertFailure.OUTAGE);
        assertThat(InsertFailure.sqlState(wrapped)).isEqualTo("57P01");
    }
}
