package dev.cch.protocol.admin;

import java.time.Instant;

/** What a price sync did. Manual prices are counted in {@code keptManual}, never changed. */
public record PriceSyncResult(String source, int added, int updated, int unchanged, int keptManual, int removed,
                              Instant finishedAt) {
}
