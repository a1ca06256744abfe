package dev.cch.server.crypto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-encrypts every secret at rest (provider secrets, proxy URLs and custom header values, webhook secrets) from one master key to another
 * in a single transaction: either every secret moves to the new key or none does. Run it while no hub is using the
 * database (a hub holding the old key could not read secrets written meanwhile).
 */
public final class MasterKeyRotation {
    /** Table, id column and the sealed columns in it. */
    private record Sealed(String table, String column) {
    }

    private static final List<Sealed> SEALED = List.of(
            new Sealed("providers", "secret_ciphertext"),
            new Sealed("providers", "proxy_url_ciphertext"),
            new Sealed("webhooks", "secret_ciphertext"));

    private MasterKeyRotation() {
    }

    /** @return how many values were re-encrypted, per table.column */
    public static Map<String, Integer> rotate(DataSource dataSource, SecretCipher from, SecretCipher to) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (Sealed s : SEALED) {
                    counts.put(s.table() + "." + s.column(), rotate(c, s, from, to));
                }
                counts.put("providers.custom_headers", rotateHeaders(c, from, to));
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        return counts;
    }

    private static int rotate(Connection c, Sealed s, SecretCipher from, SecretCipher to) throws SQLException {
        record Row(long id, byte[] sealed) {
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, " + s.column() + " FROM " + s.table()
                + " WHERE " + s.column() + " IS NOT NULL FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(rs.getLong(1), rs.getBytes(2)));
            }
        }
        try (PreparedStatement up = c.prepareStatement("UPDATE " + s.table() + " SET " + s.column() + " = ? WHERE id = ?")) {
            for (Row r : rows) {
                String plain;
                try {
                    plain = from.decrypt(r.sealed());
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(s.table() + " " + r.id() + ": " + e.getMessage()
                            + " (is the current master key the right one?)", e);
                }
                up.setBytes(1, to.encrypt(plain));
                up.setLong(2, r.id());
                up.addBatch();
            }
            up.executeBatch();
        }
        return rows.size();
    }

    /** Custom header values are sealed one by one inside a JSON object (values stored before sealing get sealed). */
    private static int rotateHeaders(Connection c, SecretCipher from, SecretCipher to) throws SQLException {
        record Row(long id, Map<String, String> headers) {
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, custom_headers::text FROM providers"
                + " WHERE custom_headers <> '{}'::jsonb FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(rs.getLong(1), JSON.readValue(rs.getString(2), HEADERS)));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("providers.custom_headers is not a JSON object of strings", e);
        }
        try (PreparedStatement up = c.prepareStatement("UPDATE providers SET custom_headers = CAST(? AS jsonb) WHERE id = ?")) {
            for (Row r : rows) {
                Map<String, String> resealed = new LinkedHashMap<>();
                r.headers().forEach((name, value) -> resealed.put(name, to.sealText(from.openText(value))));
                up.setString(1, JSON.writeValueAsString(resealed));
                up.setLong(2, r.id());
                up.addBatch();
            }
            up.executeBatch();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return rows.size();
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };
}
