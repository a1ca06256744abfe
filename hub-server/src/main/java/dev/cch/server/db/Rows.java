package dev.cch.server.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.dbclient.DbRow;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reads typed values from DbClient rows, null-safe. */
public final class Rows {
    private Rows() {
    }

    public static Object raw(DbRow row, String column) {
        return row.column(column).asOptional().orElse(null);
    }

    public static String string(DbRow row, String column) {
        Object v = raw(row, column);
        return v == null ? null : v.toString();
    }

    public static Long longValue(DbRow row, String column) {
        Object v = raw(row, column);
        return v == null ? null : ((Number) v).longValue();
    }

    public static long longOr(DbRow row, String column, long fallback) {
        Long v = longValue(row, column);
        return v == null ? fallback : v;
    }

    public static Integer intValue(DbRow row, String column) {
        Object v = raw(row, column);
        return v == null ? null : ((Number) v).intValue();
    }

    public static boolean bool(DbRow row, String column) {
        Object v = raw(row, column);
        return v instanceof Boolean b && b;
    }

    public static BigDecimal decimal(DbRow row, String column) {
        Object v = raw(row, column);
        return v == null ? null : v instanceof BigDecimal d ? d : new BigDecimal(v.toString());
    }

    public static Instant instant(DbRow row, String column) {
        Object v = raw(row, column);
        return switch (v) {
            case null -> null;
            case Timestamp t -> t.toInstant();
            case OffsetDateTime o -> o.toInstant();
            case Instant i -> i;
            default -> throw new IllegalStateException("not a timestamp: " + v.getClass());
        };
    }

    public static byte[] bytes(DbRow row, String column) {
        return (byte[]) raw(row, column);
    }

    public static JsonNode json(DbRow row, String column, ObjectMapper mapper) {
        String s = string(row, column);
        try {
            return s == null ? mapper.nullNode() : mapper.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException("column " + column + " holds invalid JSON", e);
        }
    }

    public static OffsetDateTime param(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, java.time.ZoneOffset.UTC);
    }
}
