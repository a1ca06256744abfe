package dev.cch.server.stats;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbTransaction;

import java.time.ZoneId;
import java.util.logging.Logger;

/**
 * Keeps the daily rollup in the hub's time zone: the database trigger reads the zone from
 * {@code system_settings.rollupZone}; when the hub starts with another zone, the days are rebuilt from the hourly
 * rollup (exact for zones on whole-hour offsets) in one transaction.
 */
public final class RollupZone {
    private static final Logger LOG = Logger.getLogger(RollupZone.class.getName());

    private RollupZone() {
    }

    public static void ensure(DbClient db, ZoneId zone) {
        String wanted = zone.getId();
        String current = db.execute().createNamedGet("rollup-zone-get").execute()
                .flatMap(r -> r.column("zone").asString().asOptional()).orElse("UTC");
        if (current.equals(wanted)) {
            return;
        }
        DbTransaction tx = db.transaction();
        try {
            tx.createNamedUpdate("rollup-zone-lock").execute();
            tx.createNamedUpdate("rollup-zone-set").addParam("zone", "\"" + wanted + "\"").execute();
            tx.createNamedDelete("rollup-daily-clear").execute();
            long days = tx.createNamedInsert("rollup-daily-rebuild").addParam("zone", wanted).execute();
            tx.commit();
            LOG.info("daily statistics rebuilt for time zone " + wanted + " (was " + current + "): " + days + " rows");
        } catch (RuntimeException e) {
            tx.rollback();
            throw e;
        }
    }
}
